package io.myuser.jobs;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A job type and its handler, contributed as a bean: every {@code OneTimeJob} bean in the context becomes a task
 * of MyUser's scheduler (a contribution, like Flyway callbacks). Each job enqueued with its type through
 * {@link JobScheduler} then runs once, on some node, with retries.
 * <pre class="code">
 * static final JobType&lt;WelcomeMail&gt; WELCOME_MAIL = JobType.of("shop-welcome-mail", WelcomeMail.class);
 *
 * &#64;Bean
 * OneTimeJob&lt;WelcomeMail&gt; welcomeMailJob(Mailer mailer) {
 *     return OneTimeJob.of(WELCOME_MAIL, mailer::sendWelcome);
 * }
 * </pre>
 *
 * @param <T> the type of the job's data
 */
public final class OneTimeJob<T> {

	private final JobType<T> type;

	private final JobHandler<T> handler;

	private final @Nullable RetrySettings retry;

	private OneTimeJob(JobType<T> type, JobHandler<T> handler, @Nullable RetrySettings retry) {
		Assert.notNull(type, "type cannot be null");
		Assert.notNull(handler, "handler cannot be null");
		this.type = type;
		this.handler = handler;
		this.retry = retry;
	}

	/**
	 * A job type handled by a handler, retried as {@code myuser.jobs.retry.*} says.
	 * @param <T> the type of the job's data
	 * @param type the job type
	 * @param handler what the job does
	 * @return the job
	 */
	public static <T> OneTimeJob<T> of(JobType<T> type, JobHandler<T> handler) {
		return new OneTimeJob<>(type, handler, null);
	}

	/**
	 * The same job with retry settings of its own.
	 * @param retry how this job is retried
	 * @return the job
	 */
	public OneTimeJob<T> withRetry(RetrySettings retry) {
		Assert.notNull(retry, "retry cannot be null");
		return new OneTimeJob<>(this.type, this.handler, retry);
	}

	public JobType<T> type() {
		return this.type;
	}

	public JobHandler<T> handler() {
		return this.handler;
	}

	/**
	 * Return the retry settings of this job.
	 * @return the settings, or {@code null} to use the defaults
	 */
	public @Nullable RetrySettings retry() {
		return this.retry;
	}

	@Override
	public String toString() {
		return "OneTimeJob[" + this.type.name() + "]";
	}

}
