package io.myuser.jobs;

/**
 * What a job does. A feature implements one per {@link JobType} and contributes it as a {@link OneTimeJob} bean.
 * <p>
 * A job runs <em>at least once</em>: when a node dies while running it, or the job's transaction commits but
 * recording its completion fails, it runs again. Handlers must therefore be idempotent, for example by checking
 * in the database whether their work is already done.
 *
 * @param <T> the type of the job's data
 */
@FunctionalInterface
public interface JobHandler<T> {

	/**
	 * Do the job. Throwing fails this attempt: the job is retried with exponential backoff until its attempts
	 * run out, and then {@link #onGiveUp} is called.
	 * @param data the data the job was enqueued with
	 * @throws Exception when this attempt failed
	 */
	void handle(T data) throws Exception;

	/**
	 * Called once when the last attempt failed, just before the job is dropped. The default does nothing (the
	 * scheduler has logged every failure). Exceptions thrown here are logged and otherwise ignored.
	 * @param data the data the job was enqueued with
	 * @param lastFailure what the last attempt threw
	 */
	default void onGiveUp(T data, Throwable lastFailure) {
	}

}
