package io.myuser.jobs;

import org.springframework.util.Assert;

/**
 * A kind of job: its name, which is stored with every execution and must stay stable across releases, the class
 * its data is serialized from and read back into (as JSON), and the priority its executions get.
 * <p>
 * Declare one constant per job type and use it both to enqueue ({@link JobScheduler}) and to register the handler
 * ({@link OneTimeJob}).
 *
 * @param <T> the type of the job's data
 * @param name the name, at most {@value #MAX_NAME_LENGTH} characters; MyUser's own jobs start with
 * {@code myuser-}
 * @param dataClass the class of the job's data
 * @param priority the priority of its executions: due executions with a higher priority run first
 */
public record JobType<T>(String name, Class<T> dataClass, int priority) {

	/** The longest name a job type may have, and the longest instance id of one of its jobs. */
	public static final int MAX_NAME_LENGTH = 255;

	/** Priority of executions that should overtake the others, such as mails a user is waiting for. */
	public static final int PRIORITY_HIGH = 90;

	/** The default priority. */
	public static final int PRIORITY_NORMAL = 50;

	/** Priority of executions that may wait behind the others, such as exports and clean-ups. */
	public static final int PRIORITY_LOW = 10;

	public JobType {
		Assert.hasText(name, "name cannot be empty");
		Assert.isTrue(name.length() <= MAX_NAME_LENGTH, "name must be at most " + MAX_NAME_LENGTH + " characters");
		Assert.notNull(dataClass, "dataClass cannot be null");
	}

	/**
	 * A job type with the normal priority.
	 * @param <T> the type of the job's data
	 * @param name the name
	 * @param dataClass the class of the job's data
	 * @return the job type
	 */
	public static <T> JobType<T> of(String name, Class<T> dataClass) {
		return new JobType<>(name, dataClass, PRIORITY_NORMAL);
	}

	/**
	 * The same job type with another priority.
	 * @param priority the priority; higher runs first
	 * @return the job type
	 */
	public JobType<T> withPriority(int priority) {
		return new JobType<>(this.name, this.dataClass, priority);
	}

}
