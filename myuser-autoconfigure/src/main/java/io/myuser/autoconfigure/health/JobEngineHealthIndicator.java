package io.myuser.autoconfigure.health;

import java.util.Map;

import io.myuser.jobs.JobBacklog;
import io.myuser.mail.MailJobs;

import org.springframework.boot.health.contributor.Health;

/**
 * The job engine's part: DOWN when a job has been due for longer than {@code myuser.health.jobs.overdue-after}
 * without any node picking it, or when more than {@code myuser.health.jobs.max-failing-mails} mail jobs are waiting
 * for a retry after a failure. Details: the counts, the oldest overdue job's age, the failing jobs by type.
 */
final class JobEngineHealthIndicator extends TimeLimitedHealthIndicator {

	private final JobBacklog backlog;

	private final MyUserHealthProperties properties;

	JobEngineHealthIndicator(JobBacklog backlog, MyUserHealthProperties properties) {
		super("jobs", properties.getTimeout());
		this.backlog = backlog;
		this.properties = properties;
	}

	@Override
	protected Health check() throws Exception {
		MyUserHealthProperties.Jobs thresholds = this.properties.getJobs();
		JobBacklog.Snapshot snapshot = this.backlog.read(thresholds.getOverdueAfter(), this.properties.getTimeout());
		long failingMails = snapshot.failing(MailJobs.SEND.name());
		Health.Builder health;
		if (snapshot.overdue() > 0) {
			health = Health.down()
				.withDetail("reason", snapshot.overdue() + " job(s) due for more than " + thresholds.getOverdueAfter()
						+ " and not picked by any node");
		}
		else if (failingMails > thresholds.getMaxFailingMails()) {
			health = Health.down()
				.withDetail("reason",
						failingMails + " mail job(s) failing, more than " + thresholds.getMaxFailingMails());
		}
		else {
			health = Health.up();
		}
		health.withDetail("overdue", snapshot.overdue())
			.withDetail("overdueAfter", thresholds.getOverdueAfter().toString());
		if (snapshot.oldestOverdueAge() != null) {
			health.withDetail("oldestOverdueAge", snapshot.oldestOverdueAge().toString());
		}
		return health.withDetail("failingMails", failingMails)
			.withDetail("maxFailingMails", thresholds.getMaxFailingMails())
			.withDetail("failing", Map.copyOf(snapshot.failingByType()))
			.build();
	}

}
