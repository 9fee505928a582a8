package io.myuser.social;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.myuser.account.AccountFlowService;
import io.myuser.account.EmailAddresses;
import io.myuser.account.EmailAlreadyRegisteredException;
import io.myuser.account.User;
import io.myuser.account.UserAccountService;
import io.myuser.social.provider.ProviderVerification;
import io.myuser.social.provider.SocialCredential;
import io.myuser.social.provider.SocialIdentity;
import io.myuser.social.provider.SocialProvider;
import io.myuser.social.provider.SocialProviders;
import io.myuser.support.ClientInfo;
import io.myuser.support.persistence.RetryingTransactions;
import io.myuser.token.EmailNotVerifiedException;
import io.myuser.token.LoginFailed;
import io.myuser.token.LoginRefusedException;
import io.myuser.token.TokenPair;
import io.myuser.token.TokenService;
import io.myuser.token.UserLoggedIn;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.Assert;

/**
 * Logs a user in with a provider identity. The credential is checked first, outside any transaction (it takes
 * network calls); then one transaction decides which account the identity logs in to:
 * <ol>
 * <li>an identity already connected logs its account in (under the account's lock, so that a login racing an
 * erasure, a deactivation or a disconnect either sees it or is ended by it);</li>
 * <li>else, an address that matches an account links to it only when
 * {@link SocialSettings#emailAuthentication()} is on, the provider asserts the address verified and the account's
 * address is verified too; otherwise the caller is told to log in and connect the provider (nothing is linked);</li>
 * <li>else a new account without a password is created for the address (none given: refused).</li>
 * </ol>
 * Two first logins of one identity at the same moment both miss the first step; the unique keys on addresses and
 * identities let one insert win, and the other's transaction is rolled back and decided again, finding the
 * identity: one account.
 */
public class SocialLoginService {

	private static final Logger logger = LoggerFactory.getLogger(SocialLoginService.class);

	/** Decisions retried after a lost insert race; the second one finds what the winner stored. */
	private static final int ATTEMPTS = 3;

	private final SocialProviders providers;

	private final ProviderVerification verification;

	private final SocialAccountRepository socialAccounts;

	private final UserAccountService accounts;

	private final AccountFlowService accountFlows;

	private final TokenService tokens;

	private final ApplicationEventPublisher events;

	private final RetryingTransactions transactions;

	private final SocialSettings settings;

	private final Clock clock;

	public SocialLoginService(SocialProviders providers, ProviderVerification verification,
			SocialAccountRepository socialAccounts, UserAccountService accounts, AccountFlowService accountFlows,
			TokenService tokens, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
			SocialSettings settings, Clock clock) {
		Assert.notNull(providers, "providers cannot be null");
		Assert.notNull(verification, "verification cannot be null");
		Assert.notNull(socialAccounts, "socialAccounts cannot be null");
		Assert.notNull(accounts, "accounts cannot be null");
		Assert.notNull(accountFlows, "accountFlows cannot be null");
		Assert.notNull(tokens, "tokens cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.providers = providers;
		this.verification = verification;
		this.socialAccounts = socialAccounts;
		this.accounts = accounts;
		this.accountFlows = accountFlows;
		this.tokens = tokens;
		this.events = events;
		this.transactions = new RetryingTransactions(transactionManager);
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Return a configured provider.
	 * @param providerId the registration id
	 * @return the provider
	 * @throws io.myuser.support.RefusedException (404) if there is none of that id
	 */
	public SocialProvider provider(String providerId) {
		return this.providers.find(providerId).orElseThrow(SocialRefusals::unknownProvider);
	}

	/**
	 * Log in with a credential of a provider.
	 * @param providerId the registration id
	 * @param credential what the caller sent
	 * @param locale the language of any email the login causes
	 * @param client where the login comes from
	 * @return the new session and its account
	 */
	public SocialLogin login(String providerId, SocialCredential credential, Locale locale, ClientInfo client) {
		Assert.notNull(credential, "credential cannot be null");
		Assert.notNull(locale, "locale cannot be null");
		Assert.notNull(client, "client cannot be null");
		SocialProvider provider = provider(providerId);
		SocialIdentity identity = this.verification.verify(provider, credential);
		return logIn(provider, identity, locale, client);
	}

	/**
	 * Log in with an identity already proved (the redirect flow's callback).
	 * @param provider the provider
	 * @param identity the identity
	 * @param locale the language of any email the login causes
	 * @param client where the login comes from
	 * @return the new session and its account
	 */
	public SocialLogin logIn(SocialProvider provider, SocialIdentity identity, Locale locale, ClientInfo client) {
		Outcome outcome = null;
		for (int attempt = 1; outcome == null; attempt++) {
			try {
				outcome = this.transactions.execute(() -> decide(provider, identity, locale, client));
			}
			catch (DataIntegrityViolationException | EmailAlreadyRegisteredException | IdentityMoved ex) {
				if (attempt == ATTEMPTS) {
					throw new RetryingTransactions.ConcurrentUpdateException(ex);
				}
				logger.debug("Social login at '{}' lost a race (attempt {}) and decides again", provider.id(), attempt);
			}
		}
		if (outcome.login() != null) {
			return outcome.login();
		}
		throw refuse(outcome, identity, locale, client);
	}

	private Outcome decide(SocialProvider provider, SocialIdentity identity, Locale locale, ClientInfo client) {
		Optional<SocialAccount> known = this.socialAccounts.findByProviderAndUid(provider.id(), identity.uid());
		if (known.isPresent()) {
			return logInKnown(known.get().getUserId(), identity, client);
		}
		String email = usableEmail(identity);
		if (email == null) {
			throw SocialRefusals.emailMissing();
		}
		Optional<User> owner = this.accounts.findByEmail(email);
		if (owner.isPresent()) {
			return link(provider, owner.get(), identity, locale, client);
		}
		if (!this.settings.signUp()) {
			throw SocialRefusals.signUpClosed();
		}
		User user = this.accountFlows.registerFromProvider(email, identity.emailVerified(), identity.firstName(),
				identity.lastName(), locale, client);
		connect(provider, user.getId(), identity, true, locale, client);
		return logInLocked(user, identity, client);
	}

	private Outcome logInKnown(UUID userId, SocialIdentity identity, ClientInfo client) {
		Optional<User> locked = this.accounts.lockLive(userId);
		// Under the lock: a disconnect or an erasure that committed meanwhile removed the identity.
		Optional<SocialAccount> stillKnown = this.socialAccounts.findByProviderAndUid(identity.provider(),
				identity.uid());
		if (stillKnown.isEmpty() || !stillKnown.get().getUserId().equals(userId)) {
			throw new IdentityMoved();
		}
		if (locked.isEmpty()) {
			return Outcome.refused(null, "account_gone", false);
		}
		return logInLocked(locked.get(), identity, client);
	}

	private Outcome link(SocialProvider provider, User owner, SocialIdentity identity, Locale locale,
			ClientInfo client) {
		User locked = this.accounts.lockLive(owner.getId()).orElseThrow(IdentityMoved::new);
		// Under the owner's lock: a first login of this identity may have created the owner and connected the
		// identity between this decision's two reads; it then logs in as a known identity.
		if (this.socialAccounts.findByProviderAndUid(provider.id(), identity.uid()).isPresent()) {
			throw new IdentityMoved();
		}
		boolean linkable = this.settings.emailAuthentication() && identity.emailVerified() && locked.isEmailVerified();
		if (!linkable) {
			throw SocialRefusals.connectRequired();
		}
		if (!locked.isEmailVerified() || !EmailAddresses.canonicalize(locked.getEmail())
			.equals(EmailAddresses.canonicalize(owner.getEmail()))) {
			throw new IdentityMoved();
		}
		if (this.socialAccounts.findByUserIdAndProvider(locked.getId(), provider.id()).isPresent()) {
			// The owner has another identity at this provider: linking a second one is theirs to decide.
			throw SocialRefusals.connectRequired();
		}
		if (!locked.isActive()) {
			return Outcome.refused(locked.getId(), "inactive", false);
		}
		connect(provider, locked.getId(), identity, false, locale, client);
		return logInLocked(locked, identity, client);
	}

	private void connect(SocialProvider provider, UUID userId, SocialIdentity identity, boolean newAccount,
			Locale locale, ClientInfo client) {
		Instant now = this.clock.instant();
		this.socialAccounts.saveAndFlush(SocialAccount.connected(userId, identity, now));
		this.events.publishEvent(
				new SocialAccountConnected(userId, provider.id(), provider.displayName(), now, newAccount, locale, client));
	}

	private Outcome logInLocked(User user, SocialIdentity identity, ClientInfo client) {
		if (!user.isActive()) {
			return Outcome.refused(user.getId(), "inactive", false);
		}
		if (this.settings.login().verifiedEmailRequired() && !user.isEmailVerified()) {
			return Outcome.refused(user.getId(), "email_not_verified", true);
		}
		SocialAccount account = this.socialAccounts.findByProviderAndUid(identity.provider(), identity.uid())
			.orElseThrow(IdentityMoved::new);
		account.update(identity.email(), identity.emailVerified(), identity.avatarUrl(), identity.profileUrl(),
				this.clock.instant());
		this.accounts.recordLogin(user);
		TokenPair pair = this.tokens.issueForLogin(user.getId(), client, identity.provider());
		this.events.publishEvent(new UserLoggedIn(user.getId(), pair.sessionId(), identity.provider(), client));
		return Outcome.loggedIn(new SocialLogin(pair, user.getId(), user.getEmail(), user.getFirstName(),
				user.getLastName()));
	}

	private RuntimeException refuse(Outcome outcome, SocialIdentity identity, Locale locale, ClientInfo client) {
		if (outcome.unverified()) {
			this.accounts.offerVerificationEmail(outcome.userId(), locale,
					this.settings.login().verificationEmailInterval());
		}
		String attempted = (identity.email() != null) ? identity.email() : identity.provider() + ":" + identity.uid();
		this.events.publishEvent(new LoginFailed(outcome.userId(), attempted, outcome.reason(), client,
				identity.provider()));
		return (outcome.unverified() && this.settings.login().revealUnverified()) ? new EmailNotVerifiedException()
				: new LoginRefusedException();
	}

	/** The provider's address, if it can be an account's (length, characters, one {@code @}). */
	static @Nullable String usableEmail(SocialIdentity identity) {
		String email = identity.email();
		if (email == null || email.length() > User.EMAIL_MAX_LENGTH) {
			return null;
		}
		int at = email.indexOf('@');
		boolean plausible = at > 0 && at == email.lastIndexOf('@') && at < email.length() - 1
				&& email.codePoints().noneMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c));
		return plausible ? email : null;
	}

	/** What a decision came to; a refusal is thrown after its transaction committed. */
	private record Outcome(@Nullable SocialLogin login, @Nullable UUID userId, String reason, boolean unverified) {

		static Outcome loggedIn(SocialLogin login) {
			return new Outcome(login, login.userId(), "", false);
		}

		static Outcome refused(@Nullable UUID userId, String reason, boolean unverified) {
			return new Outcome(null, userId, reason, unverified);
		}

	}

	/** The identity or account changed between the decision's read and its lock: decide again. */
	private static final class IdentityMoved extends RuntimeException {

		IdentityMoved() {
			super(null, null, false, false);
		}

	}

}
