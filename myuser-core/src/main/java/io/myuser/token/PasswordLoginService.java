package io.myuser.token;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import io.myuser.account.AuthenticatedAccount;
import io.myuser.account.InvalidCredentialsException;
import io.myuser.account.PasswordAuthenticator;
import io.myuser.account.PasswordAuthenticator.CheckedPassword;
import io.myuser.account.UserAccountService;
import io.myuser.support.ClientInfo;
import io.myuser.support.persistence.RetryingTransactions;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.Assert;

/**
 * Logs a user in with email and password. The password is checked first, outside any transaction; then one
 * transaction locks the account row, makes sure the account is still live, active and has the password that was
 * checked, starts a session and issues tokens (retried when it lost a race). A login racing an erasure, a
 * deactivation or a password change therefore either ends up ended by it or fails like a wrong password.
 * <p>
 * Every failure answers the same way and costs the same work: one password hash, one conditional statement, and
 * {@link LoginFailed} published outside the transaction (audited exactly once). The right password for an account
 * whose address must be verified first fails like a wrong one (so that registering an address and logging in
 * with it cannot tell whether the address was taken) and asks for a fresh verification email, at most one per
 * {@link LoginSettings#verificationEmailInterval()}; {@link LoginSettings#revealUnverified()} answers it with
 * {@link EmailNotVerifiedException} instead.
 */
public class PasswordLoginService {

	private final PasswordAuthenticator authenticator;

	private final UserAccountService accounts;

	private final TokenService tokens;

	private final ApplicationEventPublisher events;

	private final RetryingTransactions transactions;

	private final LoginSettings settings;

	private final LoginThrottle throttle;

	public PasswordLoginService(PasswordAuthenticator authenticator, UserAccountService accounts, TokenService tokens,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, LoginSettings settings) {
		this(authenticator, accounts, tokens, events, transactionManager, settings, LoginThrottle.disabled());
	}

	public PasswordLoginService(PasswordAuthenticator authenticator, UserAccountService accounts, TokenService tokens,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, LoginSettings settings,
			LoginThrottle throttle) {
		Assert.notNull(authenticator, "authenticator cannot be null");
		Assert.notNull(accounts, "accounts cannot be null");
		Assert.notNull(tokens, "tokens cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		this.authenticator = authenticator;
		this.accounts = accounts;
		this.tokens = tokens;
		this.events = events;
		this.transactions = new RetryingTransactions(transactionManager);
		this.settings = settings;
		Assert.notNull(throttle, "throttle cannot be null");
		this.throttle = throttle;
	}

	/**
	 * Log in.
	 * @param email the address entered
	 * @param rawPassword the password entered
	 * @param locale the language of a verification email the attempt may cause
	 * @param client where the attempt comes from
	 * @return the tokens of the new session
	 * @throws io.myuser.ratelimit.RateLimitedException if the address's login budget is spent or its failures make
	 * it wait; the password is then not checked
	 * @throws LoginRefusedException if the credentials are not accepted
	 * @throws EmailNotVerifiedException if the password is right, the address must be verified first, and the
	 * settings reveal it
	 */
	public TokenPair login(String email, String rawPassword, Locale locale, ClientInfo client) {
		Assert.notNull(email, "email cannot be null");
		Assert.notNull(rawPassword, "rawPassword cannot be null");
		Assert.notNull(locale, "locale cannot be null");
		Assert.notNull(client, "client cannot be null");
		LoginThrottle.Attempt attempt = this.throttle.begin(email, client);
		CheckedPassword checked;
		try {
			checked = this.authenticator.check(email, rawPassword);
		}
		catch (InvalidCredentialsException ex) {
			throw refuse(attempt, ex.getUserId(), email, ex.getReason(), false, locale, client);
		}
		if (this.settings.verifiedEmailRequired() && !checked.emailVerified()) {
			// Counted as a failure too: a right password must not be told apart by how it is throttled.
			throw refuse(attempt, checked.userId(), email, "email_not_verified", true, locale, client);
		}
		String upgradedHash = this.authenticator.upgradedHash(checked, rawPassword);
		TokenPair pair;
		try {
			pair = this.transactions.execute(() -> {
				AuthenticatedAccount account = this.authenticator.confirm(checked, upgradedHash);
				TokenPair issued = this.tokens.issueForLogin(account.userId(), client, "password");
				this.events.publishEvent(new UserLoggedIn(account.userId(), issued.sessionId(), "password", client));
				return issued;
			});
		}
		catch (InvalidCredentialsException ex) {
			throw refuse(attempt, ex.getUserId(), email, ex.getReason(), false, locale, client);
		}
		this.throttle.succeeded(attempt);
		return pair;
	}

	private RuntimeException refuse(LoginThrottle.Attempt attempt, @Nullable UUID userId, String email, String reason,
			boolean unverified, Locale locale, ClientInfo client) {
		this.throttle.failed(attempt, client);
		// The same statement for every failure; only an unverified account with the right password can match it.
		this.accounts.offerVerificationEmail(unverified ? userId : null, locale,
				this.settings.verificationEmailInterval());
		this.events.publishEvent(new LoginFailed(userId, email, reason, client));
		return (unverified && this.settings.revealUnverified()) ? new EmailNotVerifiedException()
				: new LoginRefusedException();
	}

	/**
	 * How password logins treat unverified addresses.
	 *
	 * @param verifiedEmailRequired whether an account must have a verified address to log in
	 * @param revealUnverified whether the right password of an unverified account is answered 403
	 * {@code email-not-verified} (which tells anyone who registers an address whether it was taken) instead of
	 * the 401 of a wrong password
	 * @param verificationEmailInterval the least time between two verification emails such logins send
	 */
	public record LoginSettings(boolean verifiedEmailRequired, boolean revealUnverified,
			Duration verificationEmailInterval) {

		public LoginSettings {
			Assert.notNull(verificationEmailInterval, "verificationEmailInterval cannot be null");
			Assert.isTrue(!verificationEmailInterval.isNegative(), "verificationEmailInterval must not be negative");
		}

	}

}
