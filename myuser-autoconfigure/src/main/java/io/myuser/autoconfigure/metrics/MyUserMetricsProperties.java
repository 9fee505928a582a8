package io.myuser.autoconfigure.metrics;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Properties of MyUser's meters, registered when the host has Micrometer and a {@code MeterRegistry} bean.
 */
@ConfigurationProperties("myuser.metrics")
@Validated
public class MyUserMetricsProperties {

	/**
	 * Whether MyUser registers its meters.
	 */
	private boolean enabled = true;

	/**
	 * How often the live sessions of the myuser.sessions.active gauge are counted, in the background (one query
	 * per node each time; scrapes read the last count).
	 */
	@NotNull
	@DurationMin(seconds = 1, message = "must be at least a second")
	private Duration activeSessionsInterval = Duration.ofMinutes(1);

	/**
	 * Whether db-scheduler's own meters (dbscheduler_task_*) are registered for MyUser's job scheduler.
	 */
	private boolean schedulerStats = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getActiveSessionsInterval() {
		return this.activeSessionsInterval;
	}

	public void setActiveSessionsInterval(Duration activeSessionsInterval) {
		this.activeSessionsInterval = activeSessionsInterval;
	}

	public boolean isSchedulerStats() {
		return this.schedulerStats;
	}

	public void setSchedulerStats(boolean schedulerStats) {
		this.schedulerStats = schedulerStats;
	}

}
