package io.myuser.mail;

import java.util.Map;

import io.myuser.gdpr.deletion.AccountDeleted;
import io.myuser.gdpr.export.DataExportReady;
import io.myuser.jobs.JobScheduler;

import org.springframework.context.event.EventListener;
import org.springframework.util.Assert;

/**
 * Turns GDPR events into mail jobs, enqueued in the transaction that published the event: the "export ready"
 * email (its link is issued when it is sent) and the confirmation that an account was deleted, sent to the
 * address the account had.
 */
public class GdprMailer {

	/** The key purpose of an email carrying an export download link. */
	public static final String DATA_EXPORT_DOWNLOAD = "DATA_EXPORT_DOWNLOAD";

	/** The text variable naming the export archive of such an email. */
	public static final String EXPORT_FILE_ID = "exportFileId";

	private final JobScheduler jobs;

	public GdprMailer(JobScheduler jobs) {
		Assert.notNull(jobs, "jobs cannot be null");
		this.jobs = jobs;
	}

	@EventListener
	public void onDataExportReady(DataExportReady event) {
		MailJobData data = new MailJobData(MailTemplate.DATA_EXPORT_READY.templateName(), event.email(),
				event.languageTag(), event.userId(), null, Map.of(EXPORT_FILE_ID, event.exportFileId().toString()),
				Map.of(), DATA_EXPORT_DOWNLOAD);
		this.jobs.enqueue(MailJobs.SEND, data.template() + ":" + event.exportFileId(), data);
	}

	@EventListener
	public void onAccountDeleted(AccountDeleted event) {
		MailJobData data = new MailJobData(MailTemplate.ACCOUNT_DELETION_CONFIRMATION.templateName(), event.email(),
				event.languageTag(), null, event.firstName(), Map.of(), Map.of("deletedAt", event.deletedAt()), null);
		this.jobs.enqueue(MailJobs.SEND, data.template() + ":" + event.requestId(), data);
	}

}
