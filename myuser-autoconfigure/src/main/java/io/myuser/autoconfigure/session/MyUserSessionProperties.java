package io.myuser.autoconfigure.session;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Session properties, checked when they are bound.
 */
@ConfigurationProperties("myuser.session")
@Validated
public class MyUserSessionProperties {

	/**
	 * Whether the sessions API (listing and ending one's own sessions) is enabled. Sessions themselves always
	 * exist while token authentication is enabled.
	 */
	private boolean enabled = true;

	/**
	 * A session that saw no refresh and no request for this long ends.
	 */
	@NotNull
	@DurationMin(inclusive = false, message = "must be positive")
	private Duration idleTimeout = Duration.ofDays(30);

	/**
	 * How stale a session's last activity may get on plain authenticated requests before it is written again.
	 */
	@NotNull
	@DurationMin(message = "must not be negative")
	private Duration activityResolution = Duration.ofMinutes(1);

	/**
	 * How long a session is kept after it ended (was revoked, reached its absolute lifetime or went idle) before
	 * the clean-up job deletes it together with its refresh tokens.
	 */
	@NotNull
	@DurationMin(message = "must not be negative")
	private Duration retention = Duration.ofDays(30);

	/**
	 * Most sessions each node keeps in memory the owner of, and the most it keeps the last written activity of,
	 * so that authenticated requests need no database query. Beyond it, entries are evicted one by one: a request
	 * of an evicted session reads the session's owner again, or sends its activity update again.
	 */
	@PositiveOrZero(message = "must not be negative")
	private int cacheSize = 200_000;

	@Valid
	private final Revocation revocation = new Revocation();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getIdleTimeout() {
		return this.idleTimeout;
	}

	public void setIdleTimeout(Duration idleTimeout) {
		this.idleTimeout = idleTimeout;
	}

	public Duration getActivityResolution() {
		return this.activityResolution;
	}

	public void setActivityResolution(Duration activityResolution) {
		this.activityResolution = activityResolution;
	}

	public Duration getRetention() {
		return this.retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public int getCacheSize() {
		return this.cacheSize;
	}

	public void setCacheSize(int cacheSize) {
		this.cacheSize = cacheSize;
	}

	public Revocation getRevocation() {
		return this.revocation;
	}

	/**
	 * How revocations reach every node.
	 */
	public static class Revocation {

		/**
		 * How often each node loads the revocations other nodes wrote. This bounds how long another node may still
		 * accept an access token of a revoked session; the node that revokes refuses it at once.
		 */
		@NotNull
		@DurationMin(inclusive = false, message = "must be positive")
		private Duration pollInterval = Duration.ofSeconds(2);

		/**
		 * How far back each load reaches before the newest revocation already seen, to catch revocations that
		 * committed late or came from a node whose clock is behind.
		 */
		@NotNull
		@DurationMin(message = "must not be negative")
		private Duration pollOverlap = Duration.ofMinutes(1);

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public Duration getPollOverlap() {
			return this.pollOverlap;
		}

		public void setPollOverlap(Duration pollOverlap) {
			this.pollOverlap = pollOverlap;
		}

	}

}
