package io.myuser.autoconfigure.health;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Thresholds of MyUser's health contributor ({@code myuser} in {@code /actuator/health}), registered when the
 * host has Spring Boot's health support. The contributor is switched off with
 * {@code management.health.myuser.enabled=false}.
 */
@ConfigurationProperties("myuser.health")
@Validated
public class MyUserHealthProperties {

	/**
	 * Longest a check of one part (jobs, revocations, exports) may take. A check that has not answered by then is
	 * reported DOWN with the reason, and the next health call waits for the same check instead of starting another.
	 */
	@NotNull
	@DurationMin(millis = 100, message = "must be at least 100ms")
	private Duration timeout = Duration.ofSeconds(2);

	@Valid
	private final Jobs jobs = new Jobs();

	@Valid
	private final Revocations revocations = new Revocations();

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Jobs getJobs() {
		return this.jobs;
	}

	public Revocations getRevocations() {
		return this.revocations;
	}

	/**
	 * Thresholds of the job engine's part.
	 */
	public static class Jobs {

		/**
		 * How long a job may stay due without any node picking it before the job engine is reported DOWN: no node
		 * runs jobs, or the nodes cannot keep up.
		 */
		@NotNull
		@DurationMin(seconds = 1, message = "must be at least a second")
		private Duration overdueAfter = Duration.ofMinutes(5);

		/**
		 * Most mail jobs that may be failing (waiting for a retry after a failed attempt) before the job engine is
		 * reported DOWN: the mail server refuses or cannot be reached.
		 */
		@Min(value = 0, message = "must not be negative")
		private int maxFailingMails = 10;

		public Duration getOverdueAfter() {
			return this.overdueAfter;
		}

		public void setOverdueAfter(Duration overdueAfter) {
			this.overdueAfter = overdueAfter;
		}

		public int getMaxFailingMails() {
			return this.maxFailingMails;
		}

		public void setMaxFailingMails(int maxFailingMails) {
			this.maxFailingMails = maxFailingMails;
		}

	}

	/**
	 * Thresholds of the revocation poll's part.
	 */
	public static class Revocations {

		/**
		 * Longest time since this node last loaded the session revocations of other nodes before it is reported
		 * DOWN: until the next load, access tokens of sessions ended on another node are still accepted here.
		 */
		@NotNull
		@DurationMin(seconds = 1, message = "must be at least a second")
		private Duration maxLag = Duration.ofMinutes(1);

		public Duration getMaxLag() {
			return this.maxLag;
		}

		public void setMaxLag(Duration maxLag) {
			this.maxLag = maxLag;
		}

	}

}
