package io.myuser.token;

import io.myuser.account.AuthenticatedAccount;
import io.myuser.account.InvalidCredentialsException;
import io.myuser.account.PasswordAuthenticator;
import io.myuser.support.ClientInfo;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Logs a user in with email and password: checks the password, enforces mandatory email verification, starts a
 * session and issues tokens in one transaction. A failed attempt publishes {@link LoginFailed} outside the
 * transaction, so it is audited exactly once although nothing was committed.
 */
public class PasswordLoginService {

	private final PasswordAuthenticator authenticator;

	private final TokenService tokens;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final boolean verifiedEmailRequired;

	public PasswordLoginService(PasswordAuthenticator authenticator, TokenService tokens,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
			boolean verifiedEmailRequired) {
		Assert.notNull(authenticator, "authenticator cannot be null");
		Assert.notNull(tokens, "tokens cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		this.authenticator = authenticator;
		this.tokens = tokens;
		this.events = events;
		this.transaction = new TransactionTemplate(transactionManager);
		this.verifiedEmailRequired = verifiedEmailRequired;
	}

	/**
	 * Log in.
	 * @param email the address entered
	 * @param rawPassword the password entered
	 * @param client where the attempt comes from
	 * @return the tokens of the new session
	 * @throws LoginRefusedException if the credentials are not accepted
	 * @throws EmailNotVerifiedException if the password is right but the address must be verified first
	 */
	public TokenPair login(String email, String rawPassword, ClientInfo client) {
		Assert.notNull(email, "email cannot be null");
		Assert.notNull(rawPassword, "rawPassword cannot be null");
		Assert.notNull(client, "client cannot be null");
		try {
			return this.transaction.execute((status) -> {
				AuthenticatedAccount account = this.authenticator.authenticate(email, rawPassword);
				if (this.verifiedEmailRequired && !account.emailVerified()) {
					throw new UnverifiedLogin(account);
				}
				TokenPair pair = this.tokens.issueForLogin(account.userId(), client, "password");
				this.events.publishEvent(new UserLoggedIn(account.userId(), pair.sessionId(), "password", client));
				return pair;
			});
		}
		catch (InvalidCredentialsException ex) {
			this.events.publishEvent(new LoginFailed(ex.getUserId(), email, ex.getReason(), client));
			throw new LoginRefusedException();
		}
		catch (UnverifiedLogin ex) {
			this.events.publishEvent(new LoginFailed(ex.account.userId(), email, "email_not_verified", client));
			throw new EmailNotVerifiedException();
		}
	}

	private static final class UnverifiedLogin extends RuntimeException {

		private final transient AuthenticatedAccount account;

		UnverifiedLogin(AuthenticatedAccount account) {
			super(null, null, false, false);
			this.account = account;
		}

	}

}
