package io.myuser.gdpr;

import java.util.UUID;

import io.myuser.jobs.JobType;

import org.springframework.util.Assert;

/**
 * The job types that process data requests. Each job carries only the request's id; its instance id is the
 * request's id, so a request is never enqueued twice while its job is pending.
 */
public final class GdprJobs {

	/** Builds the export archive of a request. */
	public static final JobType<DataRequestJob> EXPORT = JobType.of("myuser-gdpr-export", DataRequestJob.class)
		.withPriority(JobType.PRIORITY_LOW);

	/** Erases an account once its deletion request's grace period is over. */
	public static final JobType<DataRequestJob> DELETION = JobType.of("myuser-gdpr-deletion", DataRequestJob.class)
		.withPriority(JobType.PRIORITY_NORMAL);

	private GdprJobs() {
	}

	/**
	 * The job type that processes requests of a type.
	 * @param type the request type
	 * @return the job type
	 */
	public static JobType<DataRequestJob> forType(DataRequestType type) {
		Assert.notNull(type, "type cannot be null");
		return (type == DataRequestType.EXPORT) ? EXPORT : DELETION;
	}

	/**
	 * What a data request job carries.
	 *
	 * @param requestId the data request
	 */
	public record DataRequestJob(UUID requestId) {

		public DataRequestJob {
			Assert.notNull(requestId, "requestId cannot be null");
		}

	}

}
