package io.myuser.mail;

import java.util.Map;

import io.myuser.account.User;
import io.myuser.account.UserAccountService;
import io.myuser.jobs.JobScheduler;
import io.myuser.social.SocialAccountConnected;

import org.springframework.context.event.EventListener;
import org.springframework.util.Assert;

/**
 * Tells a user by email that a provider account was connected to theirs (by them, or by a login that linked it
 * through a verified address), so that a connection they did not make does not go unnoticed. A first social login
 * that created the account gets the welcome email instead. Enqueued in the transaction that connected it.
 */
public class SocialMailer {

	private final JobScheduler jobs;

	private final UserAccountService accounts;

	public SocialMailer(JobScheduler jobs, UserAccountService accounts) {
		Assert.notNull(jobs, "jobs cannot be null");
		Assert.notNull(accounts, "accounts cannot be null");
		this.jobs = jobs;
		this.accounts = accounts;
	}

	@EventListener
	public void onSocialAccountConnected(SocialAccountConnected event) {
		if (event.newAccount()) {
			return;
		}
		User user = this.accounts.findById(event.userId()).orElse(null);
		if (user == null) {
			return;
		}
		MailJobData data = new MailJobData(MailTemplate.SOCIAL_ACCOUNT_CONNECTED.templateName(), user.getEmail(),
				event.locale().toLanguageTag(), user.getId(), null, Map.of("provider", event.providerName()),
				Map.of("connectedAt", event.connectedAt()), null);
		this.jobs.enqueue(MailJobs.SEND,
				data.template() + ":" + user.getId() + ":" + event.provider() + ":" + event.connectedAt().toEpochMilli(),
				data);
	}

}
