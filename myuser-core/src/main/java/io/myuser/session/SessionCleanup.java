package io.myuser.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Deletes session data nobody needs any more: revocation records whose session's access tokens have all expired,
 * and sessions that ended (were revoked, reached their absolute lifetime or went idle) longer ago than the
 * retention. Sessions are deleted in batches, each in a transaction that first publishes {@link SessionDeletionStarted}
 * so the rows that refer to them go first. Runs as a recurring MyUser job ({@value #JOB_NAME}); running it on
 * several nodes at once is harmless.
 */
public class SessionCleanup {

	/** Name of the recurring job that runs the clean-up. */
	public static final String JOB_NAME = "myuser-session-cleanup";

	/** How many sessions one transaction deletes at most. */
	static final int BATCH_SIZE = 500;

	private static final Logger logger = LoggerFactory.getLogger(SessionCleanup.class);

	private final UserSessionRepository sessions;

	private final TokenRevocationRepository revocations;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final SessionSettings settings;

	private final Duration retention;

	private final Clock clock;

	/**
	 * Create a clean-up.
	 * @param sessions the sessions
	 * @param revocations the revocation records
	 * @param events where {@link SessionDeletionStarted} is published
	 * @param transactionManager the transaction manager
	 * @param settings the session settings (for the idle timeout)
	 * @param retention how long a session is kept after it ended
	 * @param clock the clock
	 */
	public SessionCleanup(UserSessionRepository sessions, TokenRevocationRepository revocations,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, SessionSettings settings,
			Duration retention, Clock clock) {
		Assert.notNull(sessions, "sessions cannot be null");
		Assert.notNull(revocations, "revocations cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.isTrue(retention != null && !retention.isNegative(), "retention must not be negative");
		Assert.notNull(clock, "clock cannot be null");
		this.sessions = sessions;
		this.revocations = revocations;
		this.events = events;
		this.transaction = new TransactionTemplate(transactionManager);
		this.settings = settings;
		this.retention = retention;
		this.clock = clock;
	}

	/**
	 * Delete expired revocation records and sessions that ended before the retention.
	 */
	public void run() {
		Instant now = this.clock.instant();
		int revocations = deleteExpiredRevocations(now);
		int sessions = deleteEndedSessions(now);
		if (revocations > 0 || sessions > 0) {
			logger.info("Session clean-up deleted {} expired revocation(s) and {} ended session(s)", revocations,
					sessions);
		}
	}

	/**
	 * Delete revocation records that are no longer needed: every access token of their session has expired.
	 * @param now the current time
	 * @return how many were deleted
	 */
	public int deleteExpiredRevocations(Instant now) {
		Assert.notNull(now, "now cannot be null");
		Integer deleted = this.transaction.execute((status) -> this.revocations.deleteExpiredIncludingDeleted(now));
		return (deleted != null) ? deleted : 0;
	}

	/**
	 * Delete sessions that ended longer than the retention before {@code now}, with what refers to them.
	 * @param now the current time
	 * @return how many were deleted
	 */
	public int deleteEndedSessions(Instant now) {
		Assert.notNull(now, "now cannot be null");
		Instant endedBefore = now.minus(this.retention);
		Instant idleBefore = endedBefore.minus(this.settings.idleTimeout());
		int total = 0;
		while (true) {
			Integer deleted = this.transaction.execute((status) -> {
				List<UUID> ids = this.sessions.findIdsEndedBeforeIncludingDeleted(endedBefore, idleBefore, BATCH_SIZE)
					.stream()
					.map(UUID::fromString)
					.toList();
				if (ids.isEmpty()) {
					return 0;
				}
				this.events.publishEvent(new SessionDeletionStarted(ids));
				return this.sessions.deleteAllByIdIncludingDeleted(ids);
			});
			if (deleted == null || deleted == 0) {
				return total;
			}
			total += deleted;
			if (deleted < BATCH_SIZE) {
				return total;
			}
		}
	}

}
