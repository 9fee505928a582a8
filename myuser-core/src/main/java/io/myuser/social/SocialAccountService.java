package io.myuser.social;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.myuser.account.User;
import io.myuser.account.UserAccountService;
import io.myuser.social.provider.ProviderVerification;
import io.myuser.social.provider.SocialCredential;
import io.myuser.social.provider.SocialIdentity;
import io.myuser.social.provider.SocialProvider;
import io.myuser.social.provider.SocialProviders;
import io.myuser.support.ClientInfo;
import io.myuser.support.persistence.RetryingTransactions;
import io.myuser.support.persistence.StoredTime;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.Assert;

/**
 * A logged-in user's connected provider identities: connect one (with the same credentials as a login), list them,
 * see every configured provider's state, disconnect one. Each write takes the account's lock first, so connects,
 * disconnects, logins and an erasure of one account happen one after the other; the unique keys on (provider, uid)
 * and (user, provider) are the backstop when two connects race.
 */
public class SocialAccountService {

	private static final int ATTEMPTS = 3;

	private final SocialProviders providers;

	private final ProviderVerification verification;

	private final SocialAccountRepository socialAccounts;

	private final UserAccountService accounts;

	private final ApplicationEventPublisher events;

	private final RetryingTransactions transactions;

	private final Clock clock;

	public SocialAccountService(SocialProviders providers, ProviderVerification verification,
			SocialAccountRepository socialAccounts, UserAccountService accounts, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		Assert.notNull(providers, "providers cannot be null");
		Assert.notNull(verification, "verification cannot be null");
		Assert.notNull(socialAccounts, "socialAccounts cannot be null");
		Assert.notNull(accounts, "accounts cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.providers = providers;
		this.verification = verification;
		this.socialAccounts = socialAccounts;
		this.accounts = accounts;
		this.events = events;
		this.transactions = new RetryingTransactions(transactionManager);
		this.clock = clock;
	}

	/**
	 * Connect a provider identity to the caller's account.
	 * @param userId the caller
	 * @param providerId the registration id
	 * @param credential what the caller sent, proving the identity
	 * @param locale the language of the "account connected" email
	 * @param client who connects
	 * @return {@code true} if it was connected now, {@code false} if it already was connected to the caller
	 * @throws io.myuser.support.RefusedException 400 if the identity belongs to another account or the caller has
	 * another identity at the provider; 404 for an unknown provider
	 */
	public boolean connect(UUID userId, String providerId, SocialCredential credential, Locale locale,
			ClientInfo client) {
		Assert.notNull(userId, "userId cannot be null");
		SocialProvider provider = provider(providerId);
		SocialIdentity identity = this.verification.verify(provider, credential);
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute(() -> connectLocked(userId, provider, identity, locale, client));
			}
			catch (DataIntegrityViolationException ex) {
				// A connect racing this one inserted first; deciding again answers as if it came before.
				if (attempt == ATTEMPTS) {
					throw new RetryingTransactions.ConcurrentUpdateException(ex);
				}
			}
		}
	}

	private boolean connectLocked(UUID userId, SocialProvider provider, SocialIdentity identity, Locale locale,
			ClientInfo client) {
		this.accounts.lockLive(userId).orElseThrow(SocialRefusals::notConnected);
		Optional<SocialAccount> owned = this.socialAccounts.findByProviderAndUid(provider.id(), identity.uid());
		if (owned.isPresent()) {
			if (owned.get().getUserId().equals(userId)) {
				return false;
			}
			throw SocialRefusals.identityTaken();
		}
		if (this.socialAccounts.findByUserIdAndProvider(userId, provider.id()).isPresent()) {
			throw SocialRefusals.providerAlreadyConnected();
		}
		Instant now = this.clock.instant();
		this.socialAccounts.saveAndFlush(SocialAccount.connected(userId, identity, now));
		this.events.publishEvent(
				new SocialAccountConnected(userId, provider.id(), provider.displayName(), now, false, locale, client));
		return true;
	}

	/**
	 * Disconnect the caller's identity at a provider.
	 * @param userId the caller
	 * @param providerId the registration id
	 * @param client who disconnects
	 * @throws io.myuser.support.RefusedException 404 if none is connected; 400 if it is the account's last way to
	 * log in (no password, no other identity)
	 */
	public void disconnect(UUID userId, String providerId, ClientInfo client) {
		Assert.notNull(userId, "userId cannot be null");
		Assert.notNull(providerId, "providerId cannot be null");
		this.transactions.executeWithoutResult(() -> {
			User user = this.accounts.lockLive(userId).orElseThrow(SocialRefusals::notConnected);
			SocialAccount account = this.socialAccounts.findByUserIdAndProvider(userId, providerId)
				.orElseThrow(SocialRefusals::notConnected);
			if (!user.hasUsablePassword() && this.socialAccounts.countByUserId(userId) <= 1) {
				throw SocialRefusals.lastLoginMethod();
			}
			this.socialAccounts.delete(account);
			this.socialAccounts.flush();
			this.events.publishEvent(new SocialAccountDisconnected(userId, providerId, client));
		});
	}

	/**
	 * List the caller's connected identities, newest first.
	 * @param userId the caller
	 * @return the identities
	 */
	public List<ConnectedAccount> list(UUID userId) {
		return this.transactions.read(() -> this.socialAccounts.findByUserIdOrderByDateJoinedDesc(userId)
			.stream()
			.map((account) -> new ConnectedAccount(account.getId(), account.getProvider(),
					this.providers.find(account.getProvider())
						.map(SocialProvider::displayName)
						.orElse(account.getProvider()),
					account.getUid(), account.getAvatarUrl(), account.getProfileUrl(),
					StoredTime.of(account.getDateJoined()), storedOrNull(account.getLastLogin())))
			.toList());
	}

	/**
	 * Return whether the caller has a password and, for every configured provider, whether an identity is
	 * connected.
	 * @param userId the caller
	 * @return the status
	 */
	public Status status(UUID userId) {
		return this.transactions.read(() -> {
			boolean hasPassword = this.accounts.findById(userId).map(User::hasUsablePassword).orElse(false);
			Map<String, SocialAccount> connected = new LinkedHashMap<>();
			this.socialAccounts.findByUserIdOrderByDateJoinedDesc(userId)
				.forEach((account) -> connected.put(account.getProvider(), account));
			Map<String, ProviderStatus> states = new LinkedHashMap<>();
			for (SocialProvider provider : this.providers.all()) {
				SocialAccount account = connected.get(provider.id());
				states.put(provider.id(), new ProviderStatus(account != null, (account != null) ? account.getUid() : null));
			}
			return new Status(userId, hasPassword, states);
		});
	}

	private SocialProvider provider(String providerId) {
		return this.providers.find(providerId).orElseThrow(SocialRefusals::unknownProvider);
	}

	private static @Nullable Instant storedOrNull(@Nullable Instant instant) {
		return (instant != null) ? StoredTime.of(instant) : null;
	}

	/**
	 * A connected identity, as {@code social/accounts/} lists it.
	 *
	 * @param id the row's id
	 * @param provider the registration id
	 * @param providerDisplay the provider's name
	 * @param uid the provider's user id
	 * @param avatarUrl a picture, if any
	 * @param profileUrl a profile page, if any
	 * @param dateJoined when it was connected
	 * @param lastLogin when it last logged in, if ever
	 */
	public record ConnectedAccount(UUID id, String provider, @JsonProperty("provider_display") String providerDisplay,
			String uid, @JsonProperty("avatar_url") @Nullable String avatarUrl,
			@JsonProperty("profile_url") @Nullable String profileUrl, @JsonProperty("date_joined") Instant dateJoined,
			@JsonProperty("last_login") @Nullable Instant lastLogin) {

	}

	/**
	 * The answer of {@code social/accounts/status/}.
	 *
	 * @param userId the caller
	 * @param hasPassword whether the account has a usable password
	 * @param socialAccounts every configured provider's state, by registration id
	 */
	public record Status(@JsonProperty("user_id") UUID userId, @JsonProperty("has_password") boolean hasPassword,
			@JsonProperty("social_accounts") Map<String, ProviderStatus> socialAccounts) {

	}

	/**
	 * One provider's state for the caller.
	 *
	 * @param connected whether an identity is connected
	 * @param uid its provider user id, when connected
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ProviderStatus(boolean connected, @Nullable String uid) {

	}

}
