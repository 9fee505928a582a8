package io.myuser.autoconfigure.mail;

import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Email properties, checked when they are bound. The SMTP server itself is configured under {@code spring.mail.*}.
 */
@ConfigurationProperties("myuser.mail")
@Validated
public class MyUserMailProperties {

	/** An absolute http or https URL with no query or fragment, which paths are appended to. */
	private static final String BASE_URL = "(?i)https?://[^\\s/?#]+(/[^\\s?#]*)?";

	private static final String BASE_URL_MESSAGE = "must be an absolute http or https URL without query or fragment, "
			+ "such as https://example.com";

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
	@NotBlank
	private String from = "no-reply@localhost";

	/**
	 * Name of the site as written in emails. Defaults to spring.application.name, else "MyUser".
	 */
	@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank when set")
	private @Nullable String siteName;

	/**
	 * Public base URL of this application, which the links in emails start with when no frontend URL is set, for
	 * example "https://api.example.com".
	 */
	@NotNull
	@Pattern(regexp = BASE_URL, message = BASE_URL_MESSAGE)
	private String linkBaseUrl = "http://localhost:8080";

	/**
	 * Base URL of the host's own frontend. When set, email links point to its "/verify-email?key=...",
	 * "/reset-password?token=..." and "/cancel-deletion?token=..." pages instead of MyUser's built-in pages.
	 */
	@Pattern(regexp = BASE_URL, message = BASE_URL_MESSAGE)
	private @Nullable String frontendUrl;

	/**
	 * Location of the email templates. A host overrides a single template by putting a file of the same name at
	 * this location in its own resources.
	 */
	@NotBlank
	private String templatePrefix = "classpath:/templates/myuser/mail/";

	/**
	 * Base name of the message bundles that hold the email texts. Translations go in files such as
	 * "myuser/mail/messages_de.properties".
	 */
	@NotBlank
	private String messagesBasename = "myuser/mail/messages";

	/**
	 * Time zone in which times are written in emails.
	 */
	@NotNull
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
