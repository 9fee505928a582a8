package io.myuser.mail;

import java.util.Map;

import io.myuser.gdpr.AccountDeletionScheduled;
import io.myuser.gdpr.deletion.AccountDeleted;
import io.myuser.gdpr.export.DataExportCompleted;
import io.myuser.jobs.JobScheduler;

import org.springframework.context.event.EventListener;
import org.springframework.util.Assert;

/**
 * Turns GDPR events into mail jobs, enqueued in the transaction that published the event: the "export ready"
 * email, the notice that a deletion is scheduled (both with a link issued when the email is sent) and the
 * confirmation that an account was deleted, sent to the address the account had.
 */
public class GdprMailer {

	/** The key purpose of an email carrying an export download link. */
	public static final String DATA_EXPORT_DOWNLOAD = "DATA_EXPORT_DOWNLOAD";

	/** The text variable naming the export archive of such an email. */
	public static final String EXPORT_FILE_ID = "exportFileId";

	/** The key purpose of an email carrying a link that withdraws a deletion request. */
	public static final String DELETION_CANCEL = "DELETION_CANCEL";

	/** The text variable naming the deletion request of such an email. */
	public static final String DATA_REQUEST_ID = "dataRequestId";

	private final JobScheduler jobs;

	public GdprMailer(JobScheduler jobs) {
		Assert.notNull(jobs, "jobs cannot be null");
		this.jobs = jobs;
	}

	@EventListener
	public void onDataExportCompleted(DataExportCompleted event) {
		MailJobData data = new MailJobData(MailTemplate.DATA_EXPORT_READY.templateName(), event.email(),
				event.languageTag(), event.userId(), null, Map.of(EXPORT_FILE_ID, event.exportFileId().toString()),
				Map.of(), DATA_EXPORT_DOWNLOAD);
		this.jobs.enqueue(MailJobs.SEND, data.template() + ":" + event.exportFileId(), data);
	}

	@EventListener
	public void onAccountDeletionScheduled(AccountDeletionScheduled event) {
		MailJobData data = new MailJobData(MailTemplate.ACCOUNT_DELETION_SCHEDULED.templateName(), event.email(),
				event.languageTag(), event.userId(), null, Map.of(DATA_REQUEST_ID, event.requestId().toString()),
				Map.of("scheduledFor", event.scheduledFor()), DELETION_CANCEL);
		this.jobs.enqueue(MailJobs.SEND, data.template() + ":" + event.requestId(), data);
	}

	@EventListener
	public void onAccountDeleted(AccountDeleted event) {
		MailJobData data = new MailJobData(MailTemplate.ACCOUNT_DELETION_CONFIRMATION.templateName(), event.email(),
				event.languageTag(), null, event.firstName(), Map.of(), Map.of("deletedAt", event.deletedAt()), null);
		this.jobs.enqueue(MailJobs.SEND, data.template() + ":" + event.requestId(), data);
	}

}
