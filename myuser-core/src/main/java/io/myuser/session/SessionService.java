package io.myuser.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.myuser.account.AccountDisabled;
import io.myuser.ratelimit.RateLimitKeys;
import io.myuser.support.AfterCommit;
import io.myuser.support.ClientInfo;
import io.myuser.support.ClockTicker;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Starts, lists and ends sessions. Ending a session writes a revocation record that every node picks up, and
 * makes the session's refresh tokens useless at once (refreshing checks the session row).
 * <p>
 * Two bounded caches per node keep authenticated requests away from the database: the owner of each session seen
 * (until the session's absolute end), and when each session's {@code last_activity} was last written (for one
 * {@link SessionSettings#activityResolution() activity resolution}). Both hold at most
 * {@link SessionSettings#cacheSize()} sessions and evict entry by entry beyond it: an evicted session's next request
 * reads its owner again, or sends its conditional activity update again, which writes nothing when the stored time
 * is recent. Neither cache decides whether a token is accepted: revocation is checked on every request.
 */
public class SessionService {

	/** Revocation reasons. */
	public static final String REASON_LOGOUT = "logout";

	public static final String REASON_LOGOUT_ALL = "logout_all";

	public static final String REASON_REVOKED = "revoked";

	public static final String REASON_ADMIN = "admin";

	public static final String REASON_PASSWORD_CHANGED = "password_changed";

	public static final String REASON_ACCOUNT_DISABLED = "account_disabled";

	public static final String REASON_TOKEN_REUSE = "token_reuse";

	private final UserSessionRepository sessions;

	private final TokenRevocationRepository revocations;

	private final SessionRevocationCache revocationCache;

	private final ApplicationEventPublisher events;

	private final SessionSettings settings;

	private final Clock clock;

	/** When this node last wrote (or may assume) each session's last activity; an entry lasts one resolution. */
	private final Cache<UUID, Instant> lastActivityWritten;

	/** Session id to owner, learned when this node starts a session or first sees one; until the session's end. */
	private final Cache<UUID, SessionOwner> owners;

	public SessionService(UserSessionRepository sessions, TokenRevocationRepository revocations,
			SessionRevocationCache revocationCache, ApplicationEventPublisher events, SessionSettings settings,
			Clock clock) {
		Assert.notNull(sessions, "sessions cannot be null");
		Assert.notNull(revocations, "revocations cannot be null");
		Assert.notNull(revocationCache, "revocationCache cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.sessions = sessions;
		this.revocations = revocations;
		this.revocationCache = revocationCache;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
		ClockTicker ticker = new ClockTicker(clock);
		this.lastActivityWritten = Caffeine.newBuilder()
			.maximumSize(settings.cacheSize())
			.ticker(ticker)
			.expireAfter(Expiry.writing(
					(UUID id, Instant written) -> until(written.plus(settings.activityResolution()))))
			.build();
		this.owners = Caffeine.newBuilder()
			.maximumSize(settings.cacheSize())
			.ticker(ticker)
			.expireAfter(Expiry.creating((UUID id, SessionOwner owner) -> until(owner.sessionEnd())))
			.build();
	}

	private Duration until(Instant end) {
		Duration remaining = Duration.between(this.clock.instant(), end);
		return remaining.isNegative() ? Duration.ZERO : remaining;
	}

	/**
	 * Start a session for a login, in the caller's transaction.
	 * @param userId the user who logged in
	 * @param client where the login came from
	 * @param loginMethod how ({@code password} or a social provider id)
	 * @param lifetime the absolute lifetime of the session
	 * @return the new session
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UserSession start(UUID userId, ClientInfo client, String loginMethod, Duration lifetime) {
		Assert.notNull(userId, "userId cannot be null");
		Assert.notNull(client, "client cannot be null");
		Assert.hasText(loginMethod, "loginMethod cannot be empty");
		Instant now = this.clock.instant();
		UserSession session = this.sessions.save(new UserSession(userId, client, loginMethod, now, now.plus(lifetime)));
		rememberActivity(session.getId(), now, now);
		rememberOwner(session.getId(), userId, session.getExpiresAt(), now);
		return session;
	}

	/**
	 * List the live sessions of a user, newest first: not revoked, not past their absolute lifetime and not idle
	 * for longer than the idle timeout.
	 * @param userId the user
	 * @return the sessions
	 */
	@Transactional(readOnly = true)
	public List<UserSession> liveSessions(UUID userId) {
		Assert.notNull(userId, "userId cannot be null");
		Instant now = this.clock.instant();
		return this.sessions.findLiveByUserId(userId, now, now.minus(this.settings.idleTimeout()));
	}

	/**
	 * List the live sessions of a user as {@code sessions/} shows them, none marked as the current one: for
	 * someone other than the user, such as an administrator.
	 * @param userId the user
	 * @return the sessions, newest first
	 */
	@Transactional(readOnly = true)
	public List<SessionView> liveSessionViews(UUID userId) {
		return liveSessions(userId).stream().map((session) -> SessionView.of(session, null)).toList();
	}

	/**
	 * Count the live sessions of all users (one query; not for every request): not revoked, within their lifetime
	 * and not idle.
	 * @return the count
	 */
	@Transactional(readOnly = true)
	public long countLive() {
		Instant now = this.clock.instant();
		return this.sessions.countLive(now, now.minus(this.settings.idleTimeout()));
	}

	/**
	 * Lock and return a session that can still be used, in the caller's transaction.
	 * @param sessionId the session
	 * @return the session, or empty when it is unknown, revoked, expired or idle
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<UserSession> findUsableForUpdate(UUID sessionId) {
		Instant now = this.clock.instant();
		return this.sessions.findForUpdate(sessionId).filter((session) -> isUsable(session, now));
	}

	/**
	 * Whether a session is live at a time: not revoked, within its lifetime and not idle.
	 * @param session the session
	 * @param now the time
	 * @return whether it can be used
	 */
	public boolean isUsable(UserSession session, Instant now) {
		return session.isLive(now) && session.getLastActivity().plus(this.settings.idleTimeout()).isAfter(now);
	}

	/**
	 * Whether a session can still be used now (reads the session row).
	 * @param sessionId the session
	 * @return whether it exists and is live, within its lifetime and not idle
	 */
	@Transactional(readOnly = true)
	public boolean isUsable(UUID sessionId) {
		Instant now = this.clock.instant();
		return this.sessions.findById(sessionId).filter((session) -> isUsable(session, now)).isPresent();
	}

	/**
	 * Record activity on a session in the caller's transaction (a refresh).
	 * @param session the session
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordActivity(UserSession session) {
		Instant now = this.clock.instant();
		session.touch(now);
		rememberActivity(session.getId(), now, now);
	}

	/**
	 * Record activity on a session for a plain authenticated request, writing it at most once per
	 * {@link SessionSettings#activityResolution()} per session. A session that has already gone idle stays ended: an
	 * access token that outlives it (an idle timeout shorter than the access-token lifetime) does not revive it.
	 * @param sessionId the session
	 */
	public void recordRequestActivity(UUID sessionId) {
		Instant now = this.clock.instant();
		Duration resolution = this.settings.activityResolution();
		Instant threshold = now.minus(resolution);
		Instant written = this.lastActivityWritten.getIfPresent(sessionId);
		if (written != null && written.isAfter(threshold)) {
			return;
		}
		boolean updated = this.sessions.touchIfOlder(sessionId, now, threshold,
				now.minus(this.settings.idleTimeout())) > 0;
		// Not updated: the stored time is already recent (another node or a refresh wrote it). Without reading it,
		// assume it is half a resolution old, so this node tries again at most twice per resolution.
		rememberActivity(sessionId, updated ? now : now.minus(resolution.dividedBy(2)), now);
	}

	private void rememberActivity(UUID sessionId, Instant written, Instant now) {
		// Useful for one resolution after the write; with a resolution of zero, not at all.
		if (written.plus(this.settings.activityResolution()).isAfter(now)) {
			this.lastActivityWritten.put(sessionId, written);
		}
	}

	/**
	 * Whether a session exists and belongs to a user. Answered from memory for sessions this node started or has
	 * seen before; otherwise the session row is read once.
	 * @param sessionId the session
	 * @param userId the user a token names
	 * @return whether the session is that user's
	 */
	public boolean belongsTo(UUID sessionId, UUID userId) {
		SessionOwner owner = this.owners.getIfPresent(sessionId);
		if (owner == null) {
			UserSession session = this.sessions.findById(sessionId).orElse(null);
			if (session == null) {
				return false;
			}
			owner = rememberOwner(sessionId, session.getUserId(), session.getExpiresAt(), this.clock.instant());
		}
		return owner.userId().equals(userId);
	}

	private SessionOwner rememberOwner(UUID sessionId, UUID userId, Instant sessionEnd, Instant now) {
		SessionOwner owner = new SessionOwner(userId, sessionEnd);
		// No token of the session is accepted past its end (plus the clock skew), so the entry is no use after it.
		if (sessionEnd.isAfter(now)) {
			this.owners.put(sessionId, owner);
		}
		return owner;
	}

	/**
	 * Whether a session's access tokens are refused. Answered from memory, without a database query.
	 * @param sessionId the session
	 * @return whether the session is revoked
	 */
	public boolean isRevoked(UUID sessionId) {
		return this.revocationCache.isRevoked(sessionId);
	}

	/**
	 * End one session of a user. A session that went idle or reached its absolute end is ended too while access
	 * tokens it issued may still be within their lifetime, so that ending it stops them.
	 * @param userId the owner
	 * @param sessionId the session
	 * @param reason why
	 * @param client who ends it
	 * @return whether a session of that user that could still be used was ended (by this call or, a moment
	 * before, by a concurrent one)
	 */
	@Transactional
	public boolean revoke(UUID userId, UUID sessionId, String reason, ClientInfo client) {
		Assert.notNull(userId, "userId cannot be null");
		Assert.notNull(sessionId, "sessionId cannot be null");
		Instant now = this.clock.instant();
		Optional<UserSession> session = this.sessions.findByIdAndUserId(sessionId, userId)
			.filter((candidate) -> mayHaveLiveAccessTokens(candidate, now));
		if (session.isEmpty()) {
			return false;
		}
		revokeAll(userId, List.of(sessionId), reason, client);
		return true;
	}

	/**
	 * End every session of a user that can still be used or may still have live access tokens (all devices), for
	 * example from an administration screen.
	 * @param userId the user
	 * @param reason why
	 * @param client who ends them
	 * @return the number of sessions ended
	 */
	@Transactional
	public int revokeAllForUser(UUID userId, String reason, ClientInfo client) {
		return revokeAllForUserExcept(userId, null, reason, client);
	}

	/**
	 * End every session of a user but one (the one making the request, after a password change): every session
	 * not revoked yet that may still have access tokens within their lifetime, idle or expired ones included.
	 * Sessions started by transactions that committed before this statement are ended too; the password and
	 * account flows hold the account's lock while they call this, so no login of the account can slip in between.
	 * @param userId the user
	 * @param keptSessionId the session to keep, or {@code null} to end all
	 * @param reason why
	 * @param client who ends them
	 * @return the number of sessions ended
	 */
	@Transactional
	public int revokeAllForUserExcept(UUID userId, @Nullable UUID keptSessionId, String reason, ClientInfo client) {
		Assert.notNull(userId, "userId cannot be null");
		Instant now = this.clock.instant();
		List<UUID> targets = this.sessions.findRevocableIds(userId, activeSince(now))
			.stream()
			.filter((id) -> !id.equals(keptSessionId))
			.toList();
		return revokeAll(userId, targets, reason, client);
	}

	/**
	 * Forget where a user's sessions came from, for an account being erased: the client addresses and user
	 * agents of all its sessions, ended ones included, are removed. The sessions themselves end through
	 * {@link AccountDisabled} when the account is deleted.
	 * @param userId the user
	 * @return how many sessions were changed
	 */
	@Transactional
	public int eraseClientData(UUID userId) {
		Assert.notNull(userId, "userId cannot be null");
		return this.sessions.eraseClientData(userId);
	}

	/**
	 * Whether a session may still have access tokens within their lifetime: not revoked, and active (its latest
	 * token is issued at its last activity at the latest) within the life of an access token.
	 * @param session the session
	 * @param now the time
	 * @return whether ending it matters
	 */
	private boolean mayHaveLiveAccessTokens(UserSession session, Instant now) {
		return session.getRevokedAt() == null && session.getLastActivity().isAfter(activeSince(now));
	}

	private Instant activeSince(Instant now) {
		return now.minus(this.settings.revocationHorizon());
	}

	/**
	 * End every session of a user whose account was deactivated or deleted, in that transaction.
	 * @param event the account change
	 */
	@EventListener
	public void onAccountDisabled(AccountDisabled event) {
		revokeAllForUser(event.userId(), REASON_ACCOUNT_DISABLED, ClientInfo.NONE);
	}

	/**
	 * End every other session of a user whose password changed (all of them after a reset), in that transaction.
	 * @param event the password change
	 */
	@EventListener
	public void onPasswordChanged(io.myuser.account.AccountEvents.PasswordChanged event) {
		revokeAllForUserExcept(event.userId(), event.keptSessionId(), REASON_PASSWORD_CHANGED, event.client());
	}

	private int revokeAll(UUID userId, List<UUID> targets, String reason, ClientInfo client) {
		Assert.isTrue(reason != null && !reason.isBlank() && reason.length() <= 32,
				"reason must be 1 to 32 characters");
		if (targets.isEmpty()) {
			return 0;
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant expiresAt = now.plus(this.settings.revocationHorizon());
		List<UUID> ids = new ArrayList<>();
		for (UUID sessionId : targets) {
			// One conditional statement per session: of revocations racing for it, exactly one records it.
			if (this.sessions.revokeIfUnrevoked(sessionId, now, reason) == 1) {
				this.revocations.save(new TokenRevocation(sessionId, userId, reason, now, expiresAt));
				ids.add(sessionId);
			}
		}
		if (ids.isEmpty()) {
			return 0;
		}
		AfterCommit.run(() -> ids.forEach((id) -> this.revocationCache.add(id, expiresAt)));
		this.events.publishEvent(new SessionRevoked(userId, List.copyOf(ids), reason, client));
		return ids.size();
	}

	/**
	 * When a session started: the login (or registration) that opened it. Refreshing does not move it.
	 * @param sessionId the session
	 * @return the start, or empty when there is no such session
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> startedAt(UUID sessionId) {
		Assert.notNull(sessionId, "sessionId cannot be null");
		return this.sessions.findById(sessionId).map(UserSession::getCreatedAt);
	}

	/**
	 * The owner of a session, remembered until the session's absolute end.
	 */
	private record SessionOwner(UUID userId, Instant sessionEnd) {
	}

	/**
	 * Return whether the user logged in from a client IP (its /64 for IPv6) within a window: a session, live or
	 * ended and still kept, started from it. For IPv6 only the newest hundred sessions are looked at.
	 * @param userId the user
	 * @param ipAddress the client IP
	 * @param window how far back
	 * @return whether a session of the user started from that IP within the window
	 */
	@Transactional(readOnly = true)
	public boolean hasLoggedInFrom(UUID userId, String ipAddress, Duration window) {
		Assert.notNull(userId, "userId cannot be null");
		Assert.notNull(ipAddress, "ipAddress cannot be null");
		String network = RateLimitKeys.network(ipAddress);
		Instant since = this.clock.instant().minus(window);
		if (!network.endsWith("/64")) {
			// IPv4 (or what is no IP literal): the address itself, one indexed lookup.
			return this.sessions.existsByUserIdAndIpAddressAndCreatedAtGreaterThanEqual(userId, ipAddress.strip(),
					since);
		}
		return this.sessions
			.findIpAddressesSince(userId, since, org.springframework.data.domain.PageRequest.of(0, 100))
			.stream()
			.anyMatch((ip) -> RateLimitKeys.network(ip).equals(network));
	}

}
