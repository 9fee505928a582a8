package io.myuser.autoconfigure.jobs;

import com.github.kagkarlsson.scheduler.SchedulerBuilder;

/**
 * Adjusts MyUser's db-scheduler {@code Scheduler} before it is built: a customizer, applied after the
 * {@code myuser.jobs.*} properties, in {@code @Order} order. Use it for what the properties do not cover, such as
 * a scheduler name, a stats registry or scheduler listeners. Changing the table name, the tasks or the serializer
 * breaks MyUser's jobs.
 */
@FunctionalInterface
public interface MyUserSchedulerCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder, already configured from the properties
	 */
	void customize(SchedulerBuilder builder);

}
