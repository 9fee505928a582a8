package io.myuser.token;

import java.time.Clock;

import io.myuser.session.SessionDeletionStarted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.util.Assert;

/**
 * Deletes refresh tokens nobody can use: those past their expiry (as the recurring MyUser job
 * {@value #JOB_NAME}), and those of sessions being deleted (in that transaction, before the session rows go).
 */
public class RefreshTokenCleanup {

	/** Name of the recurring job that deletes expired refresh tokens. */
	public static final String JOB_NAME = "myuser-refresh-token-cleanup";

	private static final Logger logger = LoggerFactory.getLogger(RefreshTokenCleanup.class);

	private final RefreshTokenRepository refreshTokens;

	private final Clock clock;

	public RefreshTokenCleanup(RefreshTokenRepository refreshTokens, Clock clock) {
		Assert.notNull(refreshTokens, "refreshTokens cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.refreshTokens = refreshTokens;
		this.clock = clock;
	}

	/**
	 * Delete refresh tokens past their expiry.
	 * @return how many were deleted
	 */
	public int run() {
		int deleted = this.refreshTokens.deleteExpiredIncludingDeleted(this.clock.instant());
		if (deleted > 0) {
			logger.info("Refresh-token clean-up deleted {} expired token(s)", deleted);
		}
		return deleted;
	}

	/**
	 * Delete the refresh tokens of sessions about to be deleted, in that transaction.
	 * @param event the sessions being deleted
	 */
	@EventListener
	public void onSessionDeletionStarted(SessionDeletionStarted event) {
		this.refreshTokens.deleteBySessionIdsIncludingDeleted(event.sessionIds());
	}

}
