package io.myuser.autoconfigure.jobs;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Properties of MyUser's job engine, which runs background work (mail, exports, deletions, clean-ups) from a table
 * in the application's database. They are checked when they are bound.
 */
@ConfigurationProperties("myuser.jobs")
@Validated
public class MyUserJobsProperties {

	/**
	 * Whether the job engine runs on this node. When false, no scheduler and no job scheduler are created: nothing
	 * can be enqueued, no job runs here, and MyUser's clean-ups do not run on this node.
	 */
	private boolean enabled = true;

	/**
	 * Number of threads that run jobs on this node.
	 */
	@Min(value = 1, message = "must be at least 1")
	private int threads = 2;

	/**
	 * How often this node looks for due jobs. Jobs enqueued on this node to run at once start without waiting for
	 * the next poll.
	 */
	@NotNull
	@DurationMin(inclusive = false, message = "must be positive")
	private Duration pollingInterval = Duration.ofSeconds(2);

	/**
	 * How often a running job's heartbeat is written, and half the time between two checks for jobs whose node
	 * died. A job whose node missed missed-heartbeats-limit heartbeats in a row is considered dead and runs again,
	 * on another node or on this one after a restart.
	 */
	@NotNull
	@DurationMin(inclusive = false, message = "must be positive")
	private Duration heartbeatInterval = Duration.ofSeconds(5);

	/**
	 * Number of heartbeats in a row a running job may miss before it is considered dead and run again. At least 4
	 * (db-scheduler's minimum).
	 */
	@Min(value = 4, message = "must be at least 4 (db-scheduler's minimum)")
	private int missedHeartbeatsLimit = 6;

	/**
	 * How long shutdown waits for running jobs to finish. Jobs still running then are picked up again by another
	 * node (or this one after a restart) once their heartbeat is stale.
	 */
	@NotNull
	@DurationMin(message = "must not be negative")
	private Duration shutdownMaxWait = Duration.ofSeconds(30);

	/**
	 * Time between two runs of each of MyUser's clean-up jobs (expired revocation records, expired refresh tokens,
	 * sessions that ended long ago).
	 */
	@NotNull
	@DurationMin(inclusive = false, message = "must be positive")
	private Duration cleanupInterval = Duration.ofHours(1);

	@Valid
	private final Retry retry = new Retry();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getThreads() {
		return this.threads;
	}

	public void setThreads(int threads) {
		this.threads = threads;
	}

	public Duration getPollingInterval() {
		return this.pollingInterval;
	}

	public void setPollingInterval(Duration pollingInterval) {
		this.pollingInterval = pollingInterval;
	}

	public Duration getHeartbeatInterval() {
		return this.heartbeatInterval;
	}

	public void setHeartbeatInterval(Duration heartbeatInterval) {
		this.heartbeatInterval = heartbeatInterval;
	}

	public int getMissedHeartbeatsLimit() {
		return this.missedHeartbeatsLimit;
	}

	public void setMissedHeartbeatsLimit(int missedHeartbeatsLimit) {
		this.missedHeartbeatsLimit = missedHeartbeatsLimit;
	}

	public Duration getShutdownMaxWait() {
		return this.shutdownMaxWait;
	}

	public void setShutdownMaxWait(Duration shutdownMaxWait) {
		this.shutdownMaxWait = shutdownMaxWait;
	}

	public Duration getCleanupInterval() {
		return this.cleanupInterval;
	}

	public void setCleanupInterval(Duration cleanupInterval) {
		this.cleanupInterval = cleanupInterval;
	}

	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * How failed jobs are retried.
	 */
	public static class Retry {

		/**
		 * Wait before the first retry of a failed job. Each later wait is the previous one times the backoff
		 * multiplier.
		 */
		@NotNull
		@DurationMin(message = "must not be negative")
		private Duration initialDelay = Duration.ofSeconds(10);

		/**
		 * Attempts a job gets in all, the first one included. After the last one fails, the job is dropped (and
		 * its handler told so).
		 */
		@Min(value = 1, message = "must be at least 1")
		private int maxAttempts = 10;

		/**
		 * Factor by which each wait between retries grows.
		 */
		@DecimalMin(value = "1", message = "must be at least 1")
		private double backoffMultiplier = 2.0;

		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public double getBackoffMultiplier() {
			return this.backoffMultiplier;
		}

		public void setBackoffMultiplier(double backoffMultiplier) {
			this.backoffMultiplier = backoffMultiplier;
		}

	}

}
