package io.myuser.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import io.myuser.support.AfterCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * Enqueues jobs: writes a row for the scheduler to pick up, <em>in the caller's transaction</em>. When the
 * transaction rolls back, nothing was enqueued; once it commits, the job is stored and runs even if this node
 * goes down right after. Outside a transaction the row is written at once.
 * <p>
 * Enqueueing is idempotent on (job type, instance id) while the job is pending: enqueueing the same pair again,
 * in the same transaction or another, changes nothing. Once the job has run, the same pair may be enqueued again.
 * Choose instance ids that say what the job is for, such as the id of the row it works on.
 * <p>
 * The job type must be handled by a {@link OneTimeJob} bean on some node; executions of unknown types wait (and
 * are deleted by the scheduler after 14 days).
 */
public class JobScheduler {

	private static final Logger logger = LoggerFactory.getLogger(JobScheduler.class);

	private final DataSource dataSource;

	private final SchedulerClient client;

	private final Clock clock;

	private Runnable wakeUp = () -> {
	};

	/**
	 * Create a job scheduler writing to MyUser's table.
	 * @param dataSource the database the scheduler polls; the transactions of the caller are joined through it
	 * @param serializer how job data is stored
	 * @param clock the clock that says when "now" is
	 */
	public JobScheduler(DataSource dataSource, Serializer serializer, Clock clock) {
		Assert.notNull(dataSource, "dataSource cannot be null");
		Assert.notNull(serializer, "serializer cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.dataSource = (dataSource instanceof TransactionAwareDataSourceProxy proxy)
				? proxy.getTargetDataSource() : dataSource;
		// The client writes through the connection of the caller's transaction, whichever transaction manager
		// (JPA or JDBC) bound it, and never commits it itself.
		this.client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(this.dataSource))
			.tableName(JobTasks.TABLE_NAME)
			.serializer(serializer)
			.enablePriority()
			.build();
		this.clock = clock;
	}

	/**
	 * Set what runs after a job that is already due has been enqueued and committed. The auto-configuration
	 * wakes the local scheduler, so the job starts without waiting for the next poll.
	 * @param wakeUp the action
	 */
	public void setWakeUp(Runnable wakeUp) {
		Assert.notNull(wakeUp, "wakeUp cannot be null");
		this.wakeUp = wakeUp;
	}

	/**
	 * Enqueue a job to run as soon as possible.
	 * @param <T> the type of the job's data
	 * @param type the job type
	 * @param instanceId what this job is for, unique among the pending jobs of its type; at most
	 * {@value JobType#MAX_NAME_LENGTH} characters
	 * @param data the job's data, stored as JSON
	 */
	public <T> void enqueue(JobType<T> type, String instanceId, T data) {
		enqueue(type, instanceId, data, this.clock.instant());
	}

	/**
	 * Enqueue a job to run at a given time (or as soon as possible after it).
	 * @param <T> the type of the job's data
	 * @param type the job type
	 * @param instanceId what this job is for, unique among the pending jobs of its type; at most
	 * {@value JobType#MAX_NAME_LENGTH} characters
	 * @param data the job's data, stored as JSON
	 * @param executionTime when the job should run
	 */
	public <T> void enqueue(JobType<T> type, String instanceId, T data, Instant executionTime) {
		Assert.notNull(type, "type cannot be null");
		Assert.hasText(instanceId, "instanceId cannot be empty");
		Assert.isTrue(instanceId.length() <= JobType.MAX_NAME_LENGTH,
				"instanceId must be at most " + JobType.MAX_NAME_LENGTH + " characters");
		Assert.notNull(data, "data cannot be null");
		Assert.isInstanceOf(type.dataClass(), data, "data does not match the job type");
		Assert.notNull(executionTime, "executionTime cannot be null");
		SchedulableInstance<T> instance = new TaskInstance.Builder<T>(type.name(), instanceId).data(data)
			.priority(type.priority())
			.scheduledTo(executionTime);
		boolean created = TransactionSynchronizationManager.isActualTransactionActive()
				? scheduleInTransaction(instance) : schedule(instance);
		if (!created) {
			logger.debug("Job {} '{}' is already pending; not enqueued again", type.name(), instanceId);
		}
		else if (!executionTime.isAfter(this.clock.instant())) {
			AfterCommit.run(this.wakeUp);
		}
	}

	/**
	 * Whether a job is pending (waiting, running or waiting for a retry).
	 * @param type the job type
	 * @param instanceId the instance id
	 * @return whether a row for the job exists, as seen by the caller's transaction
	 */
	public boolean isPending(JobType<?> type, String instanceId) {
		Assert.notNull(type, "type cannot be null");
		Assert.hasText(instanceId, "instanceId cannot be empty");
		return this.client.getScheduledExecution(TaskInstanceId.of(type.name(), instanceId)).isPresent();
	}

	/**
	 * Insert inside a savepoint: on PostgreSQL a failed insert (another transaction enqueued the same job and
	 * committed first) would otherwise abort the caller's whole transaction.
	 */
	private boolean scheduleInTransaction(SchedulableInstance<?> instance) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			if (!DataSourceUtils.isConnectionTransactional(connection, this.dataSource)
					|| connection.getAutoCommit()) {
				return schedule(instance);
			}
			Savepoint savepoint = connection.setSavepoint();
			boolean created;
			try {
				created = this.client.scheduleIfNotExists(instance);
			}
			catch (RuntimeException ex) {
				connection.rollback(savepoint);
				if (exists(instance)) {
					return false;
				}
				throw ex;
			}
			connection.releaseSavepoint(savepoint);
			return created;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not enqueue job " + instance.getTaskName() + " '"
					+ instance.getId() + "': " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private boolean schedule(SchedulableInstance<?> instance) {
		try {
			return this.client.scheduleIfNotExists(instance);
		}
		catch (RuntimeException ex) {
			if (exists(instance)) {
				return false;
			}
			throw ex;
		}
	}

	private boolean exists(SchedulableInstance<?> instance) {
		return this.client.getScheduledExecution(TaskInstanceId.of(instance.getTaskName(), instance.getId()))
			.isPresent();
	}

}
