package io.myuser.profile;

import java.util.Optional;
import java.util.UUID;

import io.myuser.account.AccountCreated;
import io.myuser.account.User;
import io.myuser.account.UserAccountService;

import org.springframework.context.event.EventListener;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Reads profiles, and creates one for every new account in the transaction that created the account.
 */
public class ProfileService {

	private final ProfileRepository profiles;

	private final UserAccountService accounts;

	public ProfileService(ProfileRepository profiles, UserAccountService accounts) {
		Assert.notNull(profiles, "profiles cannot be null");
		Assert.notNull(accounts, "accounts cannot be null");
		this.profiles = profiles;
		this.accounts = accounts;
	}

	/**
	 * Create the profile of a new account, in the account's transaction.
	 * @param event the new account
	 */
	@EventListener
	public void onAccountCreated(AccountCreated event) {
		this.profiles.save(new Profile(event.userId()));
	}

	/**
	 * Read the profile of a live, active user.
	 * @param userId the user
	 * @return the profile, or empty when the account no longer exists or is inactive
	 */
	@Transactional
	public Optional<ProfileView> findProfile(UUID userId) {
		Assert.notNull(userId, "userId cannot be null");
		Optional<User> found = this.accounts.findById(userId).filter(User::isActive);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		User user = found.get();
		Profile profile = this.profiles.findByUserId(userId)
			.orElseGet(() -> this.profiles.save(new Profile(userId)));
		return Optional.of(new ProfileView(user.getId(), user.getEmail(), user.getFirstName(), user.getLastName(),
				user.isEmailVerified(), user.getDateJoined(), profile.isMarketingConsent(),
				profile.getMarketingConsentUpdatedAt()));
	}

}
