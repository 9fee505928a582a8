package io.myuser.token;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.myuser.session.SessionService;
import io.myuser.session.UserSession;
import io.myuser.support.ClientInfo;
import io.myuser.support.SecretTokens;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Issues token pairs. Each login starts a session; the refresh token's hash is stored, the token itself never.
 */
public class TokenService {

	private final TokenCodec codec;

	private final RefreshTokenRepository refreshTokens;

	private final SessionService sessions;

	private final TokenSettings settings;

	private final Clock clock;

	public TokenService(TokenCodec codec, RefreshTokenRepository refreshTokens, SessionService sessions,
			TokenSettings settings, Clock clock) {
		Assert.notNull(codec, "codec cannot be null");
		Assert.notNull(refreshTokens, "refreshTokens cannot be null");
		Assert.notNull(sessions, "sessions cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.codec = codec;
		this.refreshTokens = refreshTokens;
		this.sessions = sessions;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Start a session for a user who just logged in and issue its first token pair, in the caller's transaction.
	 * @param userId the user
	 * @param client where the login came from
	 * @param loginMethod {@code password} or a social provider id
	 * @return the tokens
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public TokenPair issueForLogin(UUID userId, ClientInfo client, String loginMethod) {
		Assert.notNull(userId, "userId cannot be null");
		UserSession session = this.sessions.start(userId, client, loginMethod, this.settings.refreshTokenTimeToLive());
		return issuePair(userId, session.getId(), session.getExpiresAt());
	}

	/**
	 * Read and verify an access token.
	 * @param token the compact token
	 * @return its claims
	 * @throws InvalidTokenException if it is not a valid access token
	 */
	public TokenClaims verifyAccessToken(String token) {
		return this.codec.decode(token, TokenType.ACCESS);
	}

	private TokenPair issuePair(UUID userId, UUID sessionId, Instant sessionExpiresAt) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant accessExpiry = now.plus(this.settings.accessTokenTimeToLive());
		Instant refreshExpiry = now.plus(this.settings.refreshTokenTimeToLive());
		if (refreshExpiry.isAfter(sessionExpiresAt)) {
			refreshExpiry = sessionExpiresAt.truncatedTo(ChronoUnit.SECONDS);
		}
		String access = this.codec.encode(new TokenClaims(userId, sessionId, SecretTokens.generate(), TokenType.ACCESS,
				now, accessExpiry));
		String refresh = this.codec.encode(new TokenClaims(userId, sessionId, SecretTokens.generate(),
				TokenType.REFRESH, now, refreshExpiry));
		this.refreshTokens.save(new RefreshToken(SecretTokens.hash(refresh), sessionId, userId, refreshExpiry));
		return new TokenPair(access, refresh, sessionId);
	}

}
