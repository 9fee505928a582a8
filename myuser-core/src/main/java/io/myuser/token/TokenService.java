package io.myuser.token;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import io.myuser.session.SessionService;
import io.myuser.session.UserSession;
import io.myuser.support.ClientInfo;
import io.myuser.support.SecretTokens;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Issues, refreshes and checks tokens. Each login starts a session; all refresh tokens of a session form a
 * family. Only the SHA-256 hash of a refresh token is stored.
 * <p>
 * Refreshing locks the presented token's row, so concurrent refreshes of one token are served one after another:
 * the first rotates it, the others (inside the grace period) get the same successor pair. A rotated token
 * presented after the grace period revokes its whole session.
 */
public class TokenService {

	private final TokenCodec codec;

	private final RefreshTokenRepository refreshTokens;

	private final SessionService sessions;

	private final TokenSettings settings;

	private final RefreshSettings refreshSettings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final VerifiedAccessTokenCache verifiedAccessTokens = new VerifiedAccessTokenCache(50_000);

	public TokenService(TokenCodec codec, RefreshTokenRepository refreshTokens, SessionService sessions,
			TokenSettings settings, RefreshSettings refreshSettings, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		Assert.notNull(codec, "codec cannot be null");
		Assert.notNull(refreshTokens, "refreshTokens cannot be null");
		Assert.notNull(sessions, "sessions cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(refreshSettings, "refreshSettings cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.codec = codec;
		this.refreshTokens = refreshTokens;
		this.sessions = sessions;
		this.settings = settings;
		this.refreshSettings = refreshSettings;
		this.events = events;
		this.transaction = new TransactionTemplate(transactionManager);
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
	 * Log a just-registered account in (registration with verification off): a session and its first tokens.
	 * @param userId the new account
	 * @param client where the registration came from
	 * @return the tokens
	 */
	@Transactional
	public TokenPair issueForNewAccount(UUID userId, ClientInfo client) {
		TokenPair pair = issueForLogin(userId, client, "registration");
		this.events.publishEvent(new UserLoggedIn(userId, pair.sessionId(), "registration", client));
		return pair;
	}

	/**
	 * Exchange a refresh token for new tokens.
	 * @param refreshToken the refresh token
	 * @param client who asks
	 * @return the new tokens
	 * @throws InvalidTokenException if the token is invalid, expired, revoked, of the wrong type, or a rotated
	 * token presented again after the grace period (which also revokes its session)
	 */
	public RefreshOutcome refresh(String refreshToken, ClientInfo client) {
		Assert.notNull(client, "client cannot be null");
		TokenClaims claims = this.codec.decode(refreshToken, TokenType.REFRESH);
		String hash = SecretTokens.hash(refreshToken);
		Object result = this.transaction.execute((status) -> refreshLocked(refreshToken, hash, claims, client));
		if (result instanceof RefreshOutcome outcome) {
			return outcome;
		}
		throw (InvalidTokenException) result;
	}

	private Object refreshLocked(String refreshToken, String hash, TokenClaims claims, ClientInfo client) {
		Optional<RefreshToken> found = this.refreshTokens.findByTokenHashForUpdate(hash);
		if (found.isEmpty() || !found.get().getSessionId().equals(claims.sessionId())) {
			return new InvalidTokenException("Token is invalid or revoked");
		}
		RefreshToken presented = found.get();
		Optional<UserSession> session = this.sessions.findUsableForUpdate(presented.getSessionId());
		if (session.isEmpty() || presented.getRevokedAt() != null) {
			return new InvalidTokenException("Token is invalid or revoked");
		}
		Instant now = this.clock.instant();
		if (presented.isRotated()) {
			Instant graceEnd = presented.getRotatedAt().plus(this.refreshSettings.reuseGracePeriod());
			String ciphertext = presented.getSuccessorCiphertext();
			String[] successor = (ciphertext != null && now.isBefore(graceEnd))
					? SuccessorPairCipher.decrypt(refreshToken, ciphertext) : null;
			if (successor != null) {
				return new RefreshOutcome(successor[0], successor[1]);
			}
			this.sessions.revoke(presented.getUserId(), presented.getSessionId(), SessionService.REASON_TOKEN_REUSE,
					client);
			this.events.publishEvent(new RefreshTokenReuseDetected(presented.getUserId(), presented.getSessionId(),
					client));
			return new InvalidTokenException("Token has already been used");
		}
		UserSession live = session.get();
		this.sessions.recordActivity(live);
		if (!this.refreshSettings.rotate()) {
			return new RefreshOutcome(issueAccess(presented.getUserId(), live.getId()), null);
		}
		RotatedPair pair = issueRotatedPair(presented.getUserId(), live.getId(), live.getExpiresAt());
		presented.rotate(now, pair.row().getId(), SuccessorPairCipher.encrypt(refreshToken, pair.access(),
				pair.refresh()));
		return new RefreshOutcome(pair.access(), pair.refresh());
	}

	/**
	 * Read and verify an access token, refusing tokens of revoked sessions. Needs no database query.
	 * @param token the compact token
	 * @return its claims
	 * @throws InvalidTokenException if it is not a valid, unrevoked access token
	 */
	public TokenClaims verifyAccessToken(String token) {
		Instant now = this.clock.instant();
		TokenClaims claims = this.verifiedAccessTokens.get(token, now.minus(this.settings.clockSkew()));
		if (claims == null) {
			claims = this.codec.decode(token, TokenType.ACCESS);
			this.verifiedAccessTokens.put(token, claims);
		}
		if (this.sessions.isRevoked(claims.sessionId())) {
			throw new InvalidTokenException("Token has been revoked");
		}
		return claims;
	}

	/**
	 * Check a token of either type, as {@code token/verify/} does: a valid signature and claims, an unrevoked
	 * session and, for a refresh token, a stored token that is neither rotated nor revoked.
	 * @param token the compact token
	 * @return its claims
	 * @throws InvalidTokenException if the token is not valid
	 */
	@Transactional(readOnly = true)
	public TokenClaims verifyAnyToken(String token) {
		TokenClaims claims;
		try {
			claims = this.codec.decode(token, TokenType.ACCESS);
		}
		catch (InvalidTokenException ex) {
			claims = this.codec.decode(token, TokenType.REFRESH);
			RefreshToken row = this.refreshTokens.findByTokenHash(SecretTokens.hash(token)).orElse(null);
			if (row == null || row.isRotated() || row.getRevokedAt() != null
					|| !this.sessions.isUsable(row.getSessionId())) {
				throw new InvalidTokenException("Token is invalid or revoked");
			}
		}
		if (this.sessions.isRevoked(claims.sessionId())) {
			throw new InvalidTokenException("Token has been revoked");
		}
		return claims;
	}

	/**
	 * Read a refresh token's claims without using it.
	 * @param token the compact refresh token
	 * @return its claims
	 * @throws InvalidTokenException if it is not a valid refresh token
	 */
	public TokenClaims readRefreshToken(String token) {
		return this.codec.decode(token, TokenType.REFRESH);
	}

	private TokenPair issuePair(UUID userId, UUID sessionId, Instant sessionExpiresAt) {
		RotatedPair pair = issueRotatedPair(userId, sessionId, sessionExpiresAt);
		return new TokenPair(pair.access(), pair.refresh(), sessionId);
	}

	private RotatedPair issueRotatedPair(UUID userId, UUID sessionId, Instant sessionExpiresAt) {
		Instant now = now();
		Instant refreshExpiry = now.plus(this.settings.refreshTokenTimeToLive());
		if (refreshExpiry.isAfter(sessionExpiresAt)) {
			refreshExpiry = sessionExpiresAt.truncatedTo(ChronoUnit.SECONDS);
		}
		String access = issueAccess(userId, sessionId);
		String refresh = this.codec.encode(new TokenClaims(userId, sessionId, SecretTokens.generate(),
				TokenType.REFRESH, now, refreshExpiry));
		RefreshToken row = this.refreshTokens
			.save(new RefreshToken(SecretTokens.hash(refresh), sessionId, userId, refreshExpiry));
		return new RotatedPair(access, refresh, row);
	}

	private String issueAccess(UUID userId, UUID sessionId) {
		Instant now = now();
		return this.codec.encode(new TokenClaims(userId, sessionId, SecretTokens.generate(), TokenType.ACCESS, now,
				now.plus(this.settings.accessTokenTimeToLive())));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	private record RotatedPair(String access, String refresh, RefreshToken row) {
	}

	/**
	 * Whether refresh tokens rotate.
	 * @return the rotation setting
	 */
	public boolean isRotating() {
		return this.refreshSettings.rotate();
	}

	/**
	 * Return the settings tokens are issued with.
	 * @return the settings
	 */
	public TokenSettings getSettings() {
		return this.settings;
	}

}
