package io.myuser.token;

import io.myuser.security.AccessTokenVerifier;
import io.myuser.security.AuthenticatedUser;
import io.myuser.security.InvalidAccessTokenException;
import io.myuser.session.SessionService;

import org.springframework.util.Assert;

/**
 * The default {@link AccessTokenVerifier}: verifies an access token with {@link TokenService} (signature, claims
 * and the in-memory revocation cache), checks that its session exists and is its user's (from memory once known),
 * and notes activity on its session, written at most once a minute. The user it returns carries the token's
 * authorities (its {@code authorities} claim, as the verified-token cache keeps it), not the account's current
 * staff flag: the account is not read.
 */
public final class SessionAwareAccessTokenVerifier implements AccessTokenVerifier {

	private final TokenService tokens;

	private final SessionService sessions;

	public SessionAwareAccessTokenVerifier(TokenService tokens, SessionService sessions) {
		Assert.notNull(tokens, "tokens cannot be null");
		Assert.notNull(sessions, "sessions cannot be null");
		this.tokens = tokens;
		this.sessions = sessions;
	}

	@Override
	public AuthenticatedUser verify(String token) {
		TokenClaims claims;
		try {
			claims = this.tokens.verifyAccessToken(token);
		}
		catch (InvalidTokenException ex) {
			throw new InvalidAccessTokenException(ex.getMessage(), ex);
		}
		if (!this.sessions.belongsTo(claims.sessionId(), claims.userId())) {
			throw new InvalidAccessTokenException("Token is invalid");
		}
		this.sessions.recordRequestActivity(claims.sessionId());
		return new AuthenticatedUser(claims.userId(), claims.sessionId(), claims.tokenId(), claims.authorities());
	}

}
