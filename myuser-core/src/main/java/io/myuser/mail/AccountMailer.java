package io.myuser.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.myuser.account.AccountEvents;
import io.myuser.account.EmailLinkTokenPurpose;
import io.myuser.jobs.JobScheduler;
import io.myuser.support.TimeOrderedUuids;

import org.springframework.context.event.EventListener;
import org.springframework.util.Assert;

/**
 * Turns account events into mail jobs, enqueued in the transaction that published the event: a rollback sends
 * nothing, a commit never loses the email, and no email is ever sent inside the request.
 * <p>
 * The emails that anonymous requests cause (verification, reset, the registration attempt, and the job for an
 * address without an account) start {@link #ANONYMOUS_MAIL_DELAY} after the answer: an address with an account
 * gets an email rendered, keyed and sent, an address without one only a job that finds nothing, and that work
 * must not overlap the answer, whose time would then tell the two apart.
 */
public class AccountMailer {

	/** How long after the answer the emails of anonymous requests start. */
	public static final Duration ANONYMOUS_MAIL_DELAY = Duration.ofSeconds(1);

	private final JobScheduler jobs;

	private final Clock clock;

	public AccountMailer(JobScheduler jobs, Clock clock) {
		Assert.notNull(jobs, "jobs cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.jobs = jobs;
		this.clock = clock;
	}

	@EventListener
	public void onVerificationRequested(AccountEvents.VerificationEmailRequested event) {
		sendAfterTheAnswer(new MailJobData(
				MailTemplate.EMAIL_CONFIRMATION.templateName(), event.email(), tag(event.locale()), event.userId(),
				null, Map.of(), Map.of(), EmailLinkTokenPurpose.EMAIL_VERIFICATION.name()));
	}

	@EventListener
	public void onPasswordResetRequested(AccountEvents.PasswordResetRequested event) {
		sendAfterTheAnswer(new MailJobData(
				MailTemplate.PASSWORD_RESET.templateName(), event.email(), tag(event.locale()), event.userId(), null,
				Map.of(), Map.of(), EmailLinkTokenPurpose.PASSWORD_RESET.name()));
	}

	/**
	 * Enqueue the job a link email for an account would get, for an address without one: the job finds no account
	 * and sends nothing, and the request did the same work either way.
	 * @param event the request
	 */
	@EventListener
	public void onLinkRequestedForNoAccount(AccountEvents.LinkRequestedForNoAccount event) {
		MailTemplate template = (event.purpose() == EmailLinkTokenPurpose.EMAIL_VERIFICATION)
				? MailTemplate.EMAIL_CONFIRMATION : MailTemplate.PASSWORD_RESET;
		sendAfterTheAnswer(new MailJobData(template.templateName(), event.email(), tag(event.locale()), null, null,
				Map.of(), Map.of(), event.purpose().name()));
	}

	@EventListener
	public void onRegistrationAttempt(AccountEvents.RegistrationAttemptedForTakenEmail event) {
		sendAfterTheAnswer(new MailJobData(
				MailTemplate.REGISTRATION_ATTEMPT.templateName(), event.email(), tag(event.locale()), event.userId(),
				null, Map.of(), Map.of("attemptedAt", event.attemptedAt()), null));
	}

	@EventListener
	public void onAccountActivated(AccountEvents.AccountActivated event) {
		send(new MailJobData(MailTemplate.WELCOME.templateName(),
				event.email(), tag(event.locale()), event.userId(), null, Map.of(), Map.of(), null));
	}

	@EventListener
	public void onEmailVerified(AccountEvents.EmailVerified event) {
		send(new MailJobData(
				MailTemplate.EMAIL_CONFIRMED.templateName(), event.email(), tag(event.locale()), event.userId(), null, Map.of(),
				Map.of(), null));
	}

	@EventListener
	public void onPasswordChanged(AccountEvents.PasswordChanged event) {
		String ip = (event.client().ipAddress() != null) ? event.client().ipAddress() : "unknown";
		send(new MailJobData(
				MailTemplate.PASSWORD_CHANGED.templateName(), event.email(), tag(event.locale()), event.userId(), null,
				Map.of("ipAddress", ip), Map.of("changedAt", event.changedAt()), null));
	}

	private void send(MailJobData data) {
		this.jobs.enqueue(MailJobs.SEND, data.template() + ":" + TimeOrderedUuids.next(), data);
	}

	private void sendAfterTheAnswer(MailJobData data) {
		this.jobs.enqueue(MailJobs.SEND, data.template() + ":" + TimeOrderedUuids.next(), data,
				this.clock.instant().plus(ANONYMOUS_MAIL_DELAY));
	}

	private static String tag(Locale locale) {
		return locale.toLanguageTag();
	}

}
