package io.myuser.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.myuser.account.AccountSettings;
import io.myuser.account.EmailLinkTokenPurpose;
import io.myuser.account.EmailLinkTokenService;
import io.myuser.account.User;
import io.myuser.account.UserAccountService;
import io.myuser.jobs.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;

/**
 * Renders and delivers one email of a mail job. For an email with a key link it issues the key now (retiring
 * older ones), so the key exists only in the email. A failed delivery throws, and the job engine retries it. Every
 * attempt ends with a {@link MailAttempted} event when an event publisher is set.
 */
public final class MailJobHandler implements JobHandler<MailJobData> {

	private static final Logger logger = LoggerFactory.getLogger(MailJobHandler.class);

	private final MailTemplateRenderer renderer;

	private final MailDelivery delivery;

	private final UserAccountService accounts;

	private final EmailLinkTokenService emailLinkTokens;

	private final AccountSettings accountSettings;

	private final MailLinks links;

	private DataExportLinkIssuer dataExportLinks = (exportFileId) -> Optional.empty();

	private DeletionCancelLinkIssuer deletionCancelLinks = (requestId) -> Optional.empty();

	private ApplicationEventPublisher events = (event) -> {
	};

	public MailJobHandler(MailTemplateRenderer renderer, MailDelivery delivery, UserAccountService accounts,
			EmailLinkTokenService emailLinkTokens, AccountSettings accountSettings, MailLinks links) {
		Assert.notNull(renderer, "renderer cannot be null");
		Assert.notNull(delivery, "delivery cannot be null");
		Assert.notNull(accounts, "accounts cannot be null");
		Assert.notNull(emailLinkTokens, "emailLinkTokens cannot be null");
		Assert.notNull(accountSettings, "accountSettings cannot be null");
		Assert.notNull(links, "links cannot be null");
		this.renderer = renderer;
		this.delivery = delivery;
		this.accounts = accounts;
		this.emailLinkTokens = emailLinkTokens;
		this.accountSettings = accountSettings;
		this.links = links;
	}

	/**
	 * Set how the links of "export ready" emails are issued. Without one, such emails are not sent.
	 * @param dataExportLinks the link issuer
	 */
	public void setDataExportLinks(DataExportLinkIssuer dataExportLinks) {
		Assert.notNull(dataExportLinks, "dataExportLinks cannot be null");
		this.dataExportLinks = dataExportLinks;
	}

	/**
	 * Set how the withdrawal links of "deletion scheduled" emails are issued. Without one, such emails are not
	 * sent.
	 * @param deletionCancelLinks the link issuer
	 */
	public void setDeletionCancelLinks(DeletionCancelLinkIssuer deletionCancelLinks) {
		Assert.notNull(deletionCancelLinks, "deletionCancelLinks cannot be null");
		this.deletionCancelLinks = deletionCancelLinks;
	}

	/**
	 * Set where the {@link MailAttempted} event of every attempt is published. Without one, none is.
	 * @param events the publisher
	 */
	public void setEvents(ApplicationEventPublisher events) {
		Assert.notNull(events, "events cannot be null");
		this.events = events;
	}

	@Override
	public void handle(MailJobData data) throws Exception {
		boolean sent;
		try {
			sent = send(data);
		}
		catch (Exception | Error ex) {
			attempted(data, MailAttempted.Result.FAILED);
			throw ex;
		}
		attempted(data, sent ? MailAttempted.Result.SENT : MailAttempted.Result.SKIPPED);
	}

	private void attempted(MailJobData data, MailAttempted.Result result) {
		try {
			this.events.publishEvent(new MailAttempted(data.template(), result));
		}
		catch (RuntimeException ex) {
			logger.warn("A listener of MailAttempted failed", ex);
		}
	}

	/** Render and deliver the email; {@code false} when it is not to be sent after all. */
	private boolean send(MailJobData data) throws Exception {
		MailTemplate template = template(data.template());
		Optional<User> user = (data.userId() != null) ? this.accounts.findById(data.userId()) : Optional.empty();
		if (data.userId() != null && user.isEmpty()) {
			// Erased since the email was asked for: nothing more goes to that address about the account.
			logger.debug("Not sending {}: the account is gone", data.template());
			return false;
		}
		Map<String, Object> variables = new HashMap<>(data.text());
		variables.putAll(data.times());
		variables.put("recipientName", user.map(User::getFirstName).orElse(
				(data.recipientName() != null) ? data.recipientName() : ""));
		if (GdprMailer.DATA_EXPORT_DOWNLOAD.equals(data.keyPurpose())) {
			String fileId = data.text().get(GdprMailer.EXPORT_FILE_ID);
			Optional<DataExportLinkIssuer.Link> link = (fileId != null && user.filter(User::isActive).isPresent())
					? this.dataExportLinks.issue(java.util.UUID.fromString(fileId)) : Optional.empty();
			if (link.isEmpty()) {
				logger.info("Not sending {}: the account or its export is gone", data.template());
				return false;
			}
			variables.remove(GdprMailer.EXPORT_FILE_ID);
			variables.put("link", link.get().url());
			variables.put("expiresAt", link.get().expiresAt());
		}
		else if (GdprMailer.DELETION_CANCEL.equals(data.keyPurpose())) {
			String requestId = data.text().get(GdprMailer.DATA_REQUEST_ID);
			Optional<DeletionCancelLinkIssuer.Link> link = (requestId != null
					&& user.filter(User::isActive).isPresent())
							? this.deletionCancelLinks.issue(java.util.UUID.fromString(requestId)) : Optional.empty();
			if (link.isEmpty()) {
				logger.info("Not sending {}: the deletion is no longer pending or the account is gone",
						data.template());
				return false;
			}
			variables.remove(GdprMailer.DATA_REQUEST_ID);
			variables.put("link", link.get().url());
			variables.put("expiresAt", link.get().expiresAt());
		}
		else if (data.keyPurpose() != null) {
			if (user.isEmpty() || !user.get().isActive()) {
				logger.debug("Not sending {}: no active account (asked for an unknown address, or gone since)",
						data.template());
				return false;
			}
			EmailLinkTokenPurpose purpose = EmailLinkTokenPurpose.valueOf(data.keyPurpose());
			boolean verification = purpose == EmailLinkTokenPurpose.EMAIL_VERIFICATION;
			Optional<EmailLinkTokenService.IssuedToken> issued = this.emailLinkTokens.issue(user.get().getId(), data.to(),
					purpose, verification ? this.accountSettings.verificationTokenTimeToLive()
							: this.accountSettings.passwordResetTokenTimeToLive());
			if (issued.isEmpty()) {
				logger.debug("Not sending {}: the account is gone or has another address", data.template());
				return false;
			}
			EmailLinkTokenService.IssuedToken key = issued.get();
			variables.put("link", verification ? this.links.verifyEmail(key.token())
					: this.links.resetPassword(key.token()));
			variables.put("expiresAt", key.expiresAt());
		}
		this.delivery.deliver(this.renderer.render(template, data.to(), Locale.forLanguageTag(data.languageTag()),
				variables));
		return true;
	}

	@Override
	public void onGiveUp(MailJobData data, Throwable lastFailure) {
		logger.error("Gave up sending {} to {}", data.template(), data.to(), lastFailure);
		attempted(data, MailAttempted.Result.GAVE_UP);
	}

	private static MailTemplate template(String name) {
		for (MailTemplate template : MailTemplate.values()) {
			if (template.templateName().equals(name)) {
				return template;
			}
		}
		throw new IllegalArgumentException("Unknown mail template '" + name + "'");
	}

}
