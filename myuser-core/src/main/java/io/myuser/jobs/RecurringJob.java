package io.myuser.jobs;

import java.time.Duration;
import java.time.ZoneId;

import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Work that runs on a schedule, contributed as a bean: every {@code RecurringJob} bean in the context becomes a
 * recurring task of MyUser's scheduler. However many nodes share the database, each run happens on one node only.
 * A run that fails is logged and the job runs again at its next scheduled time.
 * <pre class="code">
 * &#64;Bean
 * RecurringJob cartCleanupJob(CartService carts) {
 *     return RecurringJob.every("shop-cart-cleanup", Duration.ofHours(1), carts::deleteAbandoned);
 * }
 * </pre>
 */
public final class RecurringJob {

	private final String name;

	private final @Nullable Duration interval;

	private final @Nullable String cron;

	private final ZoneId zone;

	private final Runnable task;

	private RecurringJob(String name, @Nullable Duration interval, @Nullable String cron, ZoneId zone,
			Runnable task) {
		Assert.hasText(name, "name cannot be empty");
		Assert.isTrue(name.length() <= JobType.MAX_NAME_LENGTH,
				"name must be at most " + JobType.MAX_NAME_LENGTH + " characters");
		Assert.notNull(task, "task cannot be null");
		this.name = name;
		this.interval = interval;
		this.cron = cron;
		this.zone = zone;
		this.task = task;
	}

	/**
	 * A job that runs when the application first starts against a database that has never run it, and then again
	 * {@code interval} after each run ends.
	 * @param name the name, stored in the database; must stay stable across releases
	 * @param interval the time between the end of one run and the start of the next
	 * @param task what the job does
	 * @return the job
	 */
	public static RecurringJob every(String name, Duration interval, Runnable task) {
		Assert.isTrue(interval != null && !interval.isNegative() && !interval.isZero(), "interval must be positive");
		return new RecurringJob(name, interval, null, ZoneId.systemDefault(), task);
	}

	/**
	 * A job that runs at the times a cron expression matches, in the JVM's time zone.
	 * @param name the name, stored in the database; must stay stable across releases
	 * @param expression a Spring-style cron expression with six fields (second, minute, hour, day of month, month,
	 * day of week), for example {@code 0 30 3 * * *} for 03:30 every day
	 * @param task what the job does
	 * @return the job
	 */
	public static RecurringJob cron(String name, String expression, Runnable task) {
		return cron(name, expression, ZoneId.systemDefault(), task);
	}

	/**
	 * A job that runs at the times a cron expression matches in a time zone.
	 * @param name the name, stored in the database; must stay stable across releases
	 * @param expression a cron expression with six fields (second, minute, hour, day of month, month, day of
	 * week)
	 * @param zone the time zone the expression is read in
	 * @param task what the job does
	 * @return the job
	 */
	public static RecurringJob cron(String name, String expression, ZoneId zone, Runnable task) {
		Assert.hasText(expression, "expression cannot be empty");
		Assert.notNull(zone, "zone cannot be null");
		Schedules.cron(expression, zone); // fail fast on a malformed expression
		return new RecurringJob(name, null, expression, zone, task);
	}

	public String name() {
		return this.name;
	}

	/**
	 * Return the fixed delay between runs.
	 * @return the delay, or {@code null} for a cron job
	 */
	public @Nullable Duration interval() {
		return this.interval;
	}

	/**
	 * Return the cron expression.
	 * @return the expression, or {@code null} for a job with a fixed delay
	 */
	public @Nullable String cron() {
		return this.cron;
	}

	public ZoneId zone() {
		return this.zone;
	}

	public Runnable task() {
		return this.task;
	}

	Schedule schedule() {
		String expression = this.cron;
		Duration delay = this.interval;
		if (expression != null) {
			return Schedules.cron(expression, this.zone);
		}
		Assert.state(delay != null, "a recurring job has an interval or a cron expression");
		return Schedules.fixedDelay(delay);
	}

	@Override
	public String toString() {
		String schedule = (this.cron != null) ? "cron " + this.cron : "every " + this.interval;
		return "RecurringJob[" + this.name + ", " + schedule + "]";
	}

}
