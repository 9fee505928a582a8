package io.myuser.token;

import java.util.UUID;

import io.myuser.account.RegistrationLogin;
import io.myuser.support.ClientInfo;

import org.springframework.util.Assert;

/**
 * The token feature's {@link RegistrationLogin}: a registration that needs no verification starts a session at
 * once, audited as a login by {@code registration}.
 */
public class RegistrationTokenIssuer implements RegistrationLogin {

	private final TokenService tokens;

	public RegistrationTokenIssuer(TokenService tokens) {
		Assert.notNull(tokens, "tokens cannot be null");
		this.tokens = tokens;
	}

	@Override
	public Tokens logIn(UUID userId, ClientInfo client) {
		TokenPair pair = this.tokens.issueForNewAccount(userId, client);
		return new Tokens(pair.access(), pair.refresh());
	}

}
