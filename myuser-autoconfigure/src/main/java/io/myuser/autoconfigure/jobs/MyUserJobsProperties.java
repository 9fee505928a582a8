package io.myuser.autoconfigure.jobs;

import java.time.Duration;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * Properties of MyUser's job engine, which runs background work (mail, exports, deletions, clean-ups) from a table
 * in the application's database.
 */
@ConfigurationProperties("myuser.jobs")
public class MyUserJobsProperties implements InitializingBean {

	/**
	 * Whether the job engine runs on this node. When false, no scheduler and no job scheduler are created: nothing
	 * can be enqueued, no job runs here, and MyUser's clean-ups do not run on this node.
	 */
	private boolean enabled = true;

	/**
	 * Number of threads that run jobs on this node.
	 */
	private int threads = 2;

	/**
	 * How often this node looks for due jobs. Jobs enqueued on this node to run at once start without waiting for
	 * the next poll.
	 */
	private Duration pollingInterval = Duration.ofSeconds(2);

	/**
	 * How often a running job's heartbeat is written, and half the time between two checks for jobs whose node
	 * died. A job whose node missed missed-heartbeats-limit heartbeats in a row is considered dead and runs again,
	 * on another node or on this one after a restart.
	 */
	private Duration heartbeatInterval = Duration.ofSeconds(5);

	/**
	 * Number of heartbeats in a row a running job may miss before it is considered dead and run again. At least 4
	 * (db-scheduler's minimum).
	 */
	private int missedHeartbeatsLimit = 6;

	/**
	 * How long shutdown waits for running jobs to finish. Jobs still running then are picked up again by another
	 * node (or this one after a restart) once their heartbeat is stale.
	 */
	private Duration shutdownMaxWait = Duration.ofSeconds(30);

	/**
	 * Time between two runs of each of MyUser's clean-up jobs (expired revocation records, expired refresh tokens,
	 * sessions that ended long ago).
	 */
	private Duration cleanupInterval = Duration.ofHours(1);

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

	@Override
	public void afterPropertiesSet() {
		Assert.isTrue(this.threads >= 1, "myuser.jobs.threads must be at least 1");
		requirePositive(this.pollingInterval, "myuser.jobs.polling-interval");
		requirePositive(this.heartbeatInterval, "myuser.jobs.heartbeat-interval");
		Assert.isTrue(this.missedHeartbeatsLimit >= 4, "myuser.jobs.missed-heartbeats-limit must be at least 4");
		Assert.isTrue(this.shutdownMaxWait != null && !this.shutdownMaxWait.isNegative(),
				"myuser.jobs.shutdown-max-wait must not be negative");
		requirePositive(this.cleanupInterval, "myuser.jobs.cleanup-interval");
		this.retry.validate();
	}

	private static void requirePositive(Duration duration, String name) {
		Assert.isTrue(duration != null && !duration.isNegative() && !duration.isZero(), name + " must be positive");
	}

	/**
	 * How failed jobs are retried.
	 */
	public static class Retry {

		/**
		 * Wait before the first retry of a failed job. Each later wait is the previous one times the backoff
		 * multiplier.
		 */
		private Duration initialDelay = Duration.ofSeconds(10);

		/**
		 * Attempts a job gets in all, the first one included. After the last one fails, the job is dropped (and
		 * its handler told so).
		 */
		private int maxAttempts = 10;

		/**
		 * Factor by which each wait between retries grows.
		 */
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

		void validate() {
			Assert.isTrue(this.initialDelay != null && !this.initialDelay.isNegative(),
					"myuser.jobs.retry.initial-delay must not be negative");
			Assert.isTrue(this.maxAttempts >= 1, "myuser.jobs.retry.max-attempts must be at least 1");
			Assert.isTrue(this.backoffMultiplier >= 1.0, "myuser.jobs.retry.backoff-multiplier must be at least 1");
		}

	}

}
