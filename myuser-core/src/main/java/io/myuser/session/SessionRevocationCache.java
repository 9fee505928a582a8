package io.myuser.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * The revoked sessions every request is checked against, held in memory so that authenticating a request needs no
 * database query. A revocation made on this node counts at once; revocations made by other nodes sharing the
 * database are loaded every {@code pollInterval}, which bounds how long another node may still accept a revoked
 * session's access token. Entries leave the cache when the session's access tokens have all expired; the rows
 * themselves are deleted by {@link SessionCleanup}.
 */
public class SessionRevocationCache implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SessionRevocationCache.class);

	private final TokenRevocationRepository revocations;

	private final Clock clock;

	private final Duration pollInterval;

	private final Duration overlap;

	private final Map<UUID, Instant> revoked = new ConcurrentHashMap<>();

	private volatile Instant cursor = Instant.EPOCH;

	private volatile @Nullable Instant lastRefresh;

	private static final long STOP_TIMEOUT_SECONDS = 10;

	private volatile @Nullable ScheduledExecutorService poller;

	/**
	 * Create a cache.
	 * @param revocations where revocations are stored
	 * @param clock the clock
	 * @param pollInterval how often rows written by other nodes are loaded
	 * @param overlap how far back each load reaches before the newest row seen, to catch rows that committed late
	 * or came from a node whose clock is behind
	 */
	public SessionRevocationCache(TokenRevocationRepository revocations, Clock clock, Duration pollInterval,
			Duration overlap) {
		Assert.notNull(revocations, "revocations cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		Assert.isTrue(pollInterval != null && !pollInterval.isNegative() && !pollInterval.isZero(),
				"pollInterval must be positive");
		Assert.isTrue(overlap != null && !overlap.isNegative(), "overlap must not be negative");
		this.revocations = revocations;
		this.clock = clock;
		this.pollInterval = pollInterval;
		this.overlap = overlap;
	}

	/**
	 * Whether a session's access tokens are refused.
	 * @param sessionId the session
	 * @return whether the session is known to be revoked
	 */
	public boolean isRevoked(UUID sessionId) {
		return this.revoked.containsKey(sessionId);
	}

	/**
	 * Record a revocation made on this node, effective at once.
	 * @param sessionId the session
	 * @param expiresAt when the entry may be forgotten
	 */
	public void add(UUID sessionId, Instant expiresAt) {
		this.revoked.merge(sessionId, expiresAt, (a, b) -> a.isAfter(b) ? a : b);
	}

	/**
	 * Load revocations written since the last load (by any node) and forget expired ones.
	 */
	public synchronized void refresh() {
		Instant now = this.clock.instant();
		Instant since = this.cursor.minus(this.overlap);
		List<TokenRevocation> rows = this.revocations.findRevokedSince(since.isBefore(Instant.EPOCH) ? Instant.EPOCH
				: since, now);
		Instant newest = this.cursor;
		for (TokenRevocation row : rows) {
			add(row.getSessionId(), row.getExpiresAt());
			if (row.getRevokedAt().isAfter(newest)) {
				newest = row.getRevokedAt();
			}
		}
		this.cursor = newest;
		this.revoked.values().removeIf((expiresAt) -> !expiresAt.isAfter(now));
		this.lastRefresh = now;
	}

	/**
	 * Return when revocations were last loaded successfully on this node: how far behind the other nodes' revocations
	 * this node may be is the time since then.
	 * @return the time of the last successful load (by the clock), or {@code null} before the first
	 */
	public @Nullable Instant lastRefresh() {
		return this.lastRefresh;
	}

	/**
	 * Return how often revocations are loaded.
	 * @return the poll interval
	 */
	public Duration pollInterval() {
		return this.pollInterval;
	}

	/**
	 * Return how many revoked sessions are held.
	 * @return the number of entries
	 */
	public int size() {
		return this.revoked.size();
	}

	@Override
	public void start() {
		refresh();
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "myuser-revocations");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.pollInterval.toMillis();
		executor.scheduleWithFixedDelay(this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
		this.poller = executor;
	}

	private void refreshQuietly() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			if (this.poller == null) {
				// Stopping: the database may be going away with the application; nothing to retry.
				logger.debug("Could not load session revocations while stopping", ex);
			}
			else {
				logger.warn("Could not load session revocations; will retry in {}", this.pollInterval, ex);
			}
		}
	}

	/**
	 * Stop polling, letting a poll that is running finish first (for at most {@value #STOP_TIMEOUT_SECONDS} s), so
	 * that it does not run on into a database that closes after this bean has stopped.
	 */
	@Override
	public void stop() {
		ScheduledExecutorService executor = this.poller;
		if (executor == null) {
			return;
		}
		this.poller = null;
		executor.shutdown();
		try {
			if (!executor.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			executor.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Start before the web server accepts requests, so no request is checked against an empty cache.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	@Override
	public boolean isRunning() {
		return this.poller != null;
	}

}
