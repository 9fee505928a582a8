package io.myuser.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.myuser.account.AccountCreated;
import io.myuser.account.User;
import io.myuser.account.UserAccountService;
import io.myuser.support.ClientInfo;
import io.myuser.support.persistence.RetryingTransactions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Reads profiles, and creates one for every new account in the transaction that created the account.
 */
public class ProfileService {

	private final ProfileRepository profiles;

	private final UserAccountService accounts;

	private final ConsentRecordRepository consents;

	private final ApplicationEventPublisher events;

	private final RetryingTransactions transactions;

	private final Clock clock;

	public ProfileService(ProfileRepository profiles, UserAccountService accounts, ConsentRecordRepository consents,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock) {
		Assert.notNull(profiles, "profiles cannot be null");
		Assert.notNull(accounts, "accounts cannot be null");
		Assert.notNull(consents, "consents cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.profiles = profiles;
		this.accounts = accounts;
		this.consents = consents;
		this.events = events;
		this.transactions = new RetryingTransactions(transactionManager);
		this.clock = clock;
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
	 * Change a profile. Fields left {@code null} keep their value. The consent timestamp moves, a consent record is
	 * appended and {@link ProfileUpdated} is published only when a value really changes.
	 * @param userId the user
	 * @param update the new values
	 * @param client who changes it (kept with the consent record)
	 * @return the profile after the change, or empty when the account no longer exists or is inactive
	 */
	public Optional<ProfileView> update(UUID userId, ProfileUpdate update, ClientInfo client) {
		Assert.notNull(userId, "userId cannot be null");
		Assert.notNull(update, "update cannot be null");
		// Under the account's lock: an erasure or another change of the names waits, or is waited for, and is
		// never overwritten by this one.
		return this.transactions.execute(() -> updateLocked(userId, update, client));
	}

	private Optional<ProfileView> updateLocked(UUID userId, ProfileUpdate update, ClientInfo client) {
		Optional<User> found = this.accounts.lockLive(userId).filter(User::isActive);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		User user = found.get();
		Profile profile = this.profiles.findByUserId(userId)
			.orElseGet(() -> this.profiles.save(new Profile(userId)));
		List<String> changed = new ArrayList<>();
		String firstName = (update.firstName() != null) ? update.firstName().strip() : user.getFirstName();
		String lastName = (update.lastName() != null) ? update.lastName().strip() : user.getLastName();
		if (!firstName.equals(user.getFirstName())) {
			changed.add("first_name");
		}
		if (!lastName.equals(user.getLastName())) {
			changed.add("last_name");
		}
		user.rename(firstName, lastName);
		Boolean consentBefore = null;
		Boolean consentAfter = null;
		if (update.marketingConsent() != null) {
			boolean before = profile.isMarketingConsent();
			Instant now = this.clock.instant();
			if (profile.changeMarketingConsent(update.marketingConsent(), now)) {
				changed.add("marketing_consent");
				consentBefore = before;
				consentAfter = update.marketingConsent();
				this.consents.save(new ConsentRecord(userId, "marketing", update.marketingConsent(), now, client,
						update.policyVersion()));
			}
		}
		if (!changed.isEmpty()) {
			this.events.publishEvent(new ProfileUpdated(userId, List.copyOf(changed), consentBefore, consentAfter,
					client));
		}
		return Optional.of(view(user, profile));
	}

	/**
	 * Read the profile of a live, active user.
	 * @param userId the user
	 * @return the profile, or empty when the account no longer exists or is inactive
	 */
	public Optional<ProfileView> findProfile(UUID userId) {
		Assert.notNull(userId, "userId cannot be null");
		// The common case is one read-only query joining the account and its profile, loading no entity.
		Optional<ProfileView> stored = this.transactions.read(() -> this.profiles.findViewOfActiveUser(userId));
		if (stored.isPresent()) {
			return stored;
		}
		// No live account, or one without a profile yet: a missing profile is created only under the account's
		// lock, so that it never appears for an account being erased.
		return this.transactions.execute(() -> this.accounts.lockLive(userId)
			.filter(User::isActive)
			.map((user) -> view(user, this.profiles.findByUserId(userId)
				.orElseGet(() -> this.profiles.save(new Profile(userId))))));
	}

	/**
	 * Erase the profile of an account being deleted: the marketing consent is withdrawn and the profile removed;
	 * the consent history stays as proof of what was consented to and when, without client addresses or user
	 * agents.
	 * @param userId the user
	 */
	@Transactional
	public void eraseForUser(UUID userId) {
		Assert.notNull(userId, "userId cannot be null");
		Instant now = this.clock.instant();
		this.profiles.findByUserId(userId).ifPresent((profile) -> {
			profile.changeMarketingConsent(false, now);
			profile.softDelete(now);
		});
		this.consents.findByUserIdOrderByRecordedAtAsc(userId).forEach(ConsentRecord::eraseClientData);
	}

	/**
	 * Read the consent history of a user, oldest first.
	 * @param userId the user
	 * @return the records
	 */
	@Transactional(readOnly = true)
	public List<ConsentRecord> consentHistory(UUID userId) {
		Assert.notNull(userId, "userId cannot be null");
		return this.consents.findByUserIdOrderByRecordedAtAsc(userId);
	}

	/**
	 * Read the stored profile of a user as it is, without creating one.
	 * @param userId the user
	 * @return the profile, if any
	 */
	@Transactional(readOnly = true)
	public Optional<Profile> findStored(UUID userId) {
		Assert.notNull(userId, "userId cannot be null");
		return this.profiles.findByUserId(userId);
	}

	private static ProfileView view(User user, Profile profile) {
		return new ProfileView(user.getId(), user.getEmail(), user.getFirstName(), user.getLastName(),
				user.isEmailVerified(), user.getDateJoined(), profile.isMarketingConsent(),
				profile.getMarketingConsentUpdatedAt());
	}

}
