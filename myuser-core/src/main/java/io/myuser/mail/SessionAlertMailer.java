package io.myuser.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import io.myuser.account.User;
import io.myuser.account.UserAccountService;
import io.myuser.jobs.JobScheduler;
import io.myuser.token.LoginThrottled;
import io.myuser.token.RefreshTokenReuseDetected;

import org.springframework.context.event.EventListener;
import org.springframework.util.Assert;

/**
 * Alerts a user by email when a copy of one of their refresh tokens was used and the sign-in was ended for it. The
 * job is enqueued in the transaction that ended the sign-in, at most one per sign-in.
 */
public class SessionAlertMailer {

	private final JobScheduler jobs;

	private final UserAccountService accounts;

	private final Clock clock;

	public SessionAlertMailer(JobScheduler jobs, UserAccountService accounts, Clock clock) {
		Assert.notNull(jobs, "jobs cannot be null");
		Assert.notNull(accounts, "accounts cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.jobs = jobs;
		this.accounts = accounts;
		this.clock = clock;
	}

	@EventListener
	public void onRefreshTokenReuse(RefreshTokenReuseDetected event) {
		User user = this.accounts.findById(event.userId()).filter(User::isActive).orElse(null);
		if (user == null) {
			return;
		}
		String ip = (event.client().ipAddress() != null) ? event.client().ipAddress() : "unknown";
		// The request that revealed the copy may be the thief's, so its language is not the user's: the default.
		MailJobData data = new MailJobData(MailTemplate.SUSPICIOUS_SESSION.templateName(), user.getEmail(),
				Locale.ENGLISH.toLanguageTag(), user.getId(), null, Map.of("ipAddress", ip),
				Map.of("detectedAt", this.clock.instant()), null);
		this.jobs.enqueue(MailJobs.SEND, data.template() + ":" + event.sessionId(), data);
	}

	/**
	 * Tells the owner, once per window of counted failures, that wrong passwords made their logins wait (when
	 * {@code myuser.rate-limit.brute-force.alert-owner} is on). The throttle publishes at most one such event per
	 * account a day; the job id keeps a second one from being enqueued while the first is pending.
	 * @param event the slow-down
	 */
	@EventListener
	public void onLoginThrottled(LoginThrottled event) {
		if (!event.alertOwner()) {
			return;
		}
		User user = this.accounts.findById(event.userId()).filter(User::isActive).orElse(null);
		if (user == null) {
			return;
		}
		String ip = (event.client().ipAddress() != null) ? event.client().ipAddress() : "unknown";
		Instant now = this.clock.instant();
		MailJobData data = new MailJobData(MailTemplate.LOGIN_THROTTLED.templateName(), user.getEmail(),
				Locale.ENGLISH.toLanguageTag(), user.getId(), null, Map.of("ipAddress", ip), Map.of("detectedAt", now),
				null);
		String day = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS).toString();
		this.jobs.enqueue(MailJobs.SEND, data.template() + ":" + user.getId() + ":" + event.track() + ":" + day, data);
	}

}
