package io.myuser.jobs;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a failed one-time job with db-scheduler's exponential backoff until {@link RetrySettings#maxAttempts()}
 * attempts have failed, then calls the handler's {@link JobHandler#onGiveUp} and removes the execution.
 * {@code onGiveUp} runs before the removal: if the node dies in between, the execution is revived and tried once
 * more rather than dropped silently.
 */
final class RetryThenGiveUp<T> implements FailureHandler<T> {

	private static final Logger logger = LoggerFactory.getLogger(RetryThenGiveUp.class);

	private final JobType<T> type;

	private final JobHandler<T> handler;

	private final RetrySettings retry;

	private final FailureHandler<T> backoff;

	RetryThenGiveUp(JobType<T> type, JobHandler<T> handler, RetrySettings retry) {
		this.type = type;
		this.handler = handler;
		this.retry = retry;
		this.backoff = new FailureHandler.ExponentialBackoffFailureHandler<>(retry.initialDelay(),
				retry.backoffMultiplier());
	}

	@Override
	public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
		Execution execution = complete.getExecution();
		int failedAttempts = execution.consecutiveFailures + 1;
		Throwable failure = JobTasks.unwrap(complete.getCause()
			.orElseGet(() -> new IllegalStateException("The job failed without an exception")));
		if (failedAttempts < this.retry.maxAttempts()) {
			logger.debug("Job {} '{}' failed (attempt {} of {}); retrying with backoff", this.type.name(),
					execution.taskInstance.getId(), failedAttempts, this.retry.maxAttempts());
			this.backoff.onFailure(complete, operations);
			return;
		}
		logger.error("Job {} '{}' failed {} times; giving up", this.type.name(), execution.taskInstance.getId(),
				failedAttempts, failure);
		giveUp(execution, failure);
		operations.remove();
	}

	@SuppressWarnings("unchecked")
	private void giveUp(Execution execution, Throwable failure) {
		@Nullable T data;
		try {
			data = (T) execution.taskInstance.getData();
		}
		catch (RuntimeException ex) {
			logger.error("Could not read the data of job {} '{}'; its onGiveUp is not called", this.type.name(),
					execution.taskInstance.getId(), ex);
			return;
		}
		try {
			this.handler.onGiveUp((T) data, failure);
		}
		catch (RuntimeException ex) {
			logger.error("onGiveUp of job {} '{}' failed", this.type.name(), execution.taskInstance.getId(), ex);
		}
	}

}
