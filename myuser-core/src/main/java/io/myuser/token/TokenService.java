package io.myuser.token;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.myuser.session.SessionService;
import io.myuser.session.UserSession;
import io.myuser.support.ClientInfo;
import io.myuser.support.SecretTokens;
import io.myuser.support.persistence.RetryingTransactions;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Issues, refreshes and checks tokens. Each login starts a session; all refresh tokens of a session form a
 * family. Only the SHA-256 hash of a refresh token is stored.
 * <p>
 * Refreshing locks the session's row and then the presented token's row (the order every writer of both keeps),
 * so concurrent refreshes of one token are served one after another: the first rotates it, the others get the
 * same successor pair when they come from the same client (IP address and user agent) inside the grace period.
 * A rotated token presented in any other way, {@code token/verify/} included, is reuse: the whole session is
 * revoked. No token outlives its session: an access token expires at the session's absolute end at the latest.
 * <p>
 * What an access token carries beyond MyUser's own claims (authorities such as the admin authority of a staff
 * account, and a host's extra claims) comes from its {@link AccessTokenContents}, asked each time an access token
 * is issued, at a refresh too: the account is read in the refresh's transaction, after the session's lock, so a
 * change to it committed before shows in the new token. An access token keeps what it was issued with until it
 * expires.
 */
public class TokenService {

	/** How many verified access tokens a service remembers unless told otherwise. */
	public static final int DEFAULT_VERIFIED_TOKEN_CACHE_SIZE = 100_000;

	private final TokenCodec codec;

	private final RefreshTokenRepository refreshTokens;

	private final SessionService sessions;

	private final JwtSettings settings;

	private final RefreshSettings refreshSettings;

	private final ApplicationEventPublisher events;

	private final RetryingTransactions transactions;

	private final Clock clock;

	private final VerifiedAccessTokenCache verifiedAccessTokens;

	private @Nullable AccessTokenContents contents;

	/**
	 * Create a service that remembers up to {@value #DEFAULT_VERIFIED_TOKEN_CACHE_SIZE} verified access tokens.
	 * @param codec signs and verifies tokens
	 * @param refreshTokens where refresh tokens are stored
	 * @param sessions the sessions tokens belong to
	 * @param settings how tokens are issued and checked
	 * @param refreshSettings how refresh tokens rotate
	 * @param events where events are published
	 * @param transactionManager runs refreshes
	 * @param clock the clock
	 */
	public TokenService(TokenCodec codec, RefreshTokenRepository refreshTokens, SessionService sessions,
			JwtSettings settings, RefreshSettings refreshSettings, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		this(codec, refreshTokens, sessions, settings, refreshSettings, events, transactionManager, clock,
				DEFAULT_VERIFIED_TOKEN_CACHE_SIZE);
	}

	/**
	 * Create a service.
	 * @param codec signs and verifies tokens
	 * @param refreshTokens where refresh tokens are stored
	 * @param sessions the sessions tokens belong to
	 * @param settings how tokens are issued and checked
	 * @param refreshSettings how refresh tokens rotate
	 * @param events where events are published
	 * @param transactionManager runs refreshes
	 * @param clock the clock
	 * @param verifiedTokenCacheSize most verified access tokens remembered, so that a token presented again skips
	 * signature verification (each until its {@code exp} plus the clock skew); zero remembers none
	 */
	public TokenService(TokenCodec codec, RefreshTokenRepository refreshTokens, SessionService sessions,
			JwtSettings settings, RefreshSettings refreshSettings, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock, int verifiedTokenCacheSize) {
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
		Assert.isTrue(verifiedTokenCacheSize >= 0, "verifiedTokenCacheSize must not be negative");
		this.transactions = new RetryingTransactions(transactionManager);
		this.clock = clock;
		this.verifiedAccessTokens = new VerifiedAccessTokenCache(verifiedTokenCacheSize, settings.clockSkew(), clock);
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
		return issuePair(userId, session);
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
		TokenClaims claims;
		try {
			claims = this.codec.decode(refreshToken, TokenType.REFRESH);
		}
		catch (InvalidTokenException ex) {
			refreshAttempted(TokenRefreshAttempted.Result.INVALID);
			throw ex;
		}
		String hash = SecretTokens.hash(refreshToken);
		Object result;
		try {
			result = this.transactions.execute(() -> refreshLocked(refreshToken, hash, claims, client));
		}
		catch (RuntimeException ex) {
			refreshAttempted(TokenRefreshAttempted.Result.ERROR);
			throw ex;
		}
		if (result instanceof Refreshed refreshed) {
			refreshAttempted(refreshed.replayed() ? TokenRefreshAttempted.Result.REPLAYED
					: TokenRefreshAttempted.Result.SUCCESS);
			return refreshed.outcome();
		}
		refreshAttempted((result instanceof ReusedTokenException) ? TokenRefreshAttempted.Result.REUSED
				: TokenRefreshAttempted.Result.INVALID);
		throw (InvalidTokenException) result;
	}

	private void refreshAttempted(TokenRefreshAttempted.Result result) {
		this.events.publishEvent(new TokenRefreshAttempted(result));
	}

	private Object refreshLocked(String refreshToken, String hash, TokenClaims claims, ClientInfo client) {
		// The session first, then the token: revocations write the session row, rotations both.
		Optional<UserSession> session = this.sessions.findUsableForUpdate(claims.sessionId());
		Optional<RefreshToken> found = this.refreshTokens.findByTokenHashForUpdate(hash);
		if (found.isEmpty() || !found.get().getSessionId().equals(claims.sessionId())) {
			return new InvalidTokenException("Token is invalid or revoked");
		}
		RefreshToken presented = found.get();
		if (session.isEmpty() || presented.getRevokedAt() != null) {
			return new InvalidTokenException("Token is invalid or revoked");
		}
		Instant now = this.clock.instant();
		if (presented.isRotated()) {
			Instant graceEnd = presented.getRotatedAt().plus(this.refreshSettings.reuseGracePeriod());
			String ciphertext = presented.getSuccessorCiphertext();
			// Only the client that rotated the token can open the successor: its address and user agent are the
			// cipher's associated data.
			String[] successor = (ciphertext != null && now.isBefore(graceEnd))
					? SuccessorPairCipher.decrypt(refreshToken, ciphertext, client) : null;
			if (successor != null) {
				return new Refreshed(new RefreshOutcome(successor[0], successor[1]), true);
			}
			return reuseDetected(presented, client);
		}
		UserSession live = session.get();
		this.sessions.recordActivity(live);
		if (!this.refreshSettings.rotate()) {
			return new Refreshed(new RefreshOutcome(issueAccess(presented.getUserId(), live), null), false);
		}
		RotatedPair pair = issueRotatedPair(presented.getUserId(), live);
		presented.rotate(now, pair.row().getId(),
				SuccessorPairCipher.encrypt(refreshToken, pair.access(), pair.refresh(), client));
		return new Refreshed(new RefreshOutcome(pair.access(), pair.refresh()), false);
	}

	/** A refresh answered with tokens; {@code replayed} when they are the successor pair handed out before. */
	private record Refreshed(RefreshOutcome outcome, boolean replayed) {
	}

	/** A rotated token presented again; the same message as before for the client. */
	private static final class ReusedTokenException extends InvalidTokenException {

		ReusedTokenException() {
			super("Token has already been used");
		}

	}

	private InvalidTokenException reuseDetected(RefreshToken presented, ClientInfo client) {
		if (this.sessions.revoke(presented.getUserId(), presented.getSessionId(), SessionService.REASON_TOKEN_REUSE,
				client)) {
			this.events.publishEvent(new RefreshTokenReuseDetected(presented.getUserId(), presented.getSessionId(),
					client));
		}
		return new ReusedTokenException();
	}

	/**
	 * Read and verify an access token, refusing tokens of revoked sessions. Needs no database query.
	 * @param token the compact token
	 * @return its claims
	 * @throws InvalidTokenException if it is not a valid, unrevoked access token
	 */
	public TokenClaims verifyAccessToken(String token) {
		TokenClaims claims = this.verifiedAccessTokens.get(token);
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
	 * session and, for a refresh token, a stored token that is neither rotated nor revoked. A rotated refresh
	 * token presented here is reuse, as at refresh: its holder is probing whether the owner rotated it, so its
	 * session is revoked.
	 * @param token the compact token
	 * @param client who asks
	 * @return its claims
	 * @throws InvalidTokenException if the token is not valid
	 */
	public TokenClaims verifyAnyToken(String token, ClientInfo client) {
		Assert.notNull(client, "client cannot be null");
		TokenClaims claims;
		try {
			claims = this.codec.decode(token, TokenType.ACCESS);
		}
		catch (InvalidTokenException ex) {
			TokenClaims refreshClaims = this.codec.decode(token, TokenType.REFRESH);
			String hash = SecretTokens.hash(token);
			Object result = this.transactions.execute(() -> verifyStoredRefreshToken(hash, refreshClaims, client));
			if (result instanceof InvalidTokenException invalid) {
				throw invalid;
			}
			claims = refreshClaims;
		}
		if (this.sessions.isRevoked(claims.sessionId())) {
			throw new InvalidTokenException("Token has been revoked");
		}
		return claims;
	}

	private @Nullable InvalidTokenException verifyStoredRefreshToken(String hash, TokenClaims claims,
			ClientInfo client) {
		RefreshToken row = this.refreshTokens.findByTokenHash(hash).orElse(null);
		if (row == null || !row.getSessionId().equals(claims.sessionId()) || row.getRevokedAt() != null) {
			return new InvalidTokenException("Token is invalid or revoked");
		}
		if (row.isRotated()) {
			return reuseDetected(row, client);
		}
		if (!this.sessions.isUsable(row.getSessionId())) {
			return new InvalidTokenException("Token is invalid or revoked");
		}
		return null;
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

	private TokenPair issuePair(UUID userId, UserSession session) {
		RotatedPair pair = issueRotatedPair(userId, session);
		return new TokenPair(pair.access(), pair.refresh(), session.getId());
	}

	private RotatedPair issueRotatedPair(UUID userId, UserSession session) {
		UUID sessionId = session.getId();
		Instant sessionExpiresAt = session.getExpiresAt();
		Instant now = now();
		Instant refreshExpiry = now.plus(this.settings.refreshTokenTimeToLive());
		if (refreshExpiry.isAfter(sessionExpiresAt)) {
			refreshExpiry = sessionExpiresAt.truncatedTo(ChronoUnit.SECONDS);
		}
		String access = issueAccess(userId, session);
		String refresh = this.codec.encode(new TokenClaims(userId, sessionId, SecretTokens.generate(),
				TokenType.REFRESH, now, refreshExpiry));
		RefreshToken row = this.refreshTokens
			.save(new RefreshToken(SecretTokens.hash(refresh), sessionId, userId, refreshExpiry));
		return new RotatedPair(access, refresh, row);
	}

	private String issueAccess(UUID userId, UserSession session) {
		Instant now = now();
		Instant expiry = now.plus(this.settings.accessTokenTimeToLive());
		Instant sessionEnd = session.getExpiresAt().truncatedTo(ChronoUnit.SECONDS);
		AccessTokenContext extra = accessTokenContents(userId, session);
		return this.codec.encode(new TokenClaims(userId, session.getId(), SecretTokens.generate(), TokenType.ACCESS,
				now, expiry.isAfter(sessionEnd) ? sessionEnd : expiry,
				(extra != null) ? extra.authorities() : List.of(),
				(extra != null) ? extra.claims() : Map.of()));
	}

	/**
	 * Ask the {@link AccessTokenContents}, if any, what an access token carries; it reads the account as the
	 * issuing transaction sees it.
	 * @throws InvalidTokenException when the account is no longer live (a refresh racing an erasure)
	 */
	private @Nullable AccessTokenContext accessTokenContents(UUID userId, UserSession session) {
		AccessTokenContents source = this.contents;
		if (source == null) {
			return null;
		}
		return source.resolve(userId, session.getId(), session.getLoginMethod())
			.orElseThrow(() -> new InvalidTokenException("Token is invalid or revoked"));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	private record RotatedPair(String access, String refresh, RefreshToken row) {
	}

	/**
	 * Decide what the access tokens issued from now on carry beyond MyUser's own claims (authorities and extra
	 * claims). Without one they carry none.
	 * @param contents the strategy, or {@code null} for none
	 */
	public void setAccessTokenContents(@Nullable AccessTokenContents contents) {
		this.contents = contents;
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
	public JwtSettings getSettings() {
		return this.settings;
	}

}
