package io.myuser.mail;

import io.myuser.jobs.JobType;

/**
 * The job type of MyUser's emails.
 */
public final class MailJobs {

	/** Sends one email. */
	public static final JobType<MailJobData> SEND = JobType.of("myuser-mail", MailJobData.class)
		.withPriority(JobType.PRIORITY_HIGH);

	private MailJobs() {
	}

}
