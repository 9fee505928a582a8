package io.myuser.autoconfigure.mail;

import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Email properties. The SMTP server itself is configured under {@code spring.mail.*}.
 */
@ConfigurationProperties("myuser.mail")
public class MyUserMailProperties {

	/**
	 * Whether MyUser sends emails.
	 */
	private boolean enabled = true;

	/**
	 * Whether emails are written to the log, links included, when no mail server is configured (no
	 * spring.mail.host and no JavaMailSender bean). For development only: without a mail server and without this
	 * switch, the application does not start. Ignored when a mail server is configured.
	 */
	private boolean logDelivery;

	/**
	 * Sender address of every MyUser email, for example "Example <no-reply@example.com>".
	 */
	private String from = "no-reply@localhost";

	/**
	 * Name of the site as written in emails. Defaults to spring.application.name, else "MyUser".
	 */
	private @Nullable String siteName;

	/**
	 * Public base URL of this application, which the links in emails start with when no frontend URL is set, for
	 * example "https://api.example.com".
	 */
	private String linkBaseUrl = "http://localhost:8080";

	/**
	 * Base URL of the host's own frontend. When set, email links point to its "/verify-email?key=...",
	 * "/reset-password?token=..." and "/cancel-deletion?token=..." pages instead of MyUser's built-in pages.
	 */
	private @Nullable String frontendUrl;

	/**
	 * Location of the email templates. A host overrides a single template by putting a file of the same name at
	 * this location in its own resources.
	 */
	private String templatePrefix = "classpath:/templates/myuser/mail/";

	/**
	 * Base name of the message bundles that hold the email texts. Translations go in files such as
	 * "myuser/mail/messages_de.properties".
	 */
	private String messagesBasename = "myuser/mail/messages";

	/**
	 * Time zone in which times are written in emails.
	 */
	private ZoneId zone = ZoneId.of("UTC");

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isLogDelivery() {
		return this.logDelivery;
	}

	public void setLogDelivery(boolean logDelivery) {
		this.logDelivery = logDelivery;
	}

	public String getFrom() {
		return this.from;
	}

	public void setFrom(String from) {
		this.from = from;
	}

	public @Nullable String getSiteName() {
		return this.siteName;
	}

	public void setSiteName(@Nullable String siteName) {
		this.siteName = siteName;
	}

	public String getLinkBaseUrl() {
		return this.linkBaseUrl;
	}

	public void setLinkBaseUrl(String linkBaseUrl) {
		this.linkBaseUrl = linkBaseUrl;
	}

	public @Nullable String getFrontendUrl() {
		return this.frontendUrl;
	}

	public void setFrontendUrl(@Nullable String frontendUrl) {
		this.frontendUrl = frontendUrl;
	}

	public String getTemplatePrefix() {
		return this.templatePrefix;
	}

	public void setTemplatePrefix(String templatePrefix) {
		this.templatePrefix = templatePrefix;
	}

	public String getMessagesBasename() {
		return this.messagesBasename;
	}

	public void setMessagesBasename(String messagesBasename) {
		this.messagesBasename = messagesBasename;
	}

	public ZoneId getZone() {
		return this.zone;
	}

	public void setZone(ZoneId zone) {
		this.zone = zone;
	}

}
