package io.myuser.mail;

import java.util.List;

/**
 * The emails MyUser sends. Each has an HTML and a plain-text template named after {@link #templateName()} and a
 * subject under the message key {@code mail.<template name>.subject}; the variables each template uses are listed
 * so callers and tests know what to supply.
 */
public enum MailTemplate {

	/** Confirm the email address of a new account: {@code link}, {@code expiresAt}. */
	EMAIL_CONFIRMATION("email-confirmation", "link", "expiresAt"),
	/** Set a new password: {@code link}, {@code expiresAt}. */
	PASSWORD_RESET("password-reset", "link", "expiresAt"),
	/** Welcome after registration or first social login. */
	WELCOME("welcome"),
	/** The address is now confirmed. */
	EMAIL_CONFIRMED("email-confirmed"),
	/** Security alert: the password changed, {@code changedAt}, {@code ipAddress}. */
	PASSWORD_CHANGED("password-changed", "changedAt", "ipAddress"),
	/** A social account was connected: {@code provider}, {@code connectedAt}. */
	SOCIAL_ACCOUNT_CONNECTED("social-account-connected", "provider", "connectedAt"),
	/** The data export can be downloaded: {@code link}, {@code expiresAt}. */
	DATA_EXPORT_READY("data-export-ready", "link", "expiresAt"),
	/**
	 * A deletion request was accepted: the account is erased at {@code scheduledFor} unless the user withdraws it
	 * with {@code link}, which works until {@code expiresAt} (the same time).
	 */
	ACCOUNT_DELETION_SCHEDULED("account-deletion-scheduled", "scheduledFor", "link", "expiresAt"),
	/** The account and its data were deleted: {@code deletedAt}. */
	ACCOUNT_DELETION_CONFIRMATION("account-deletion-confirmation", "deletedAt"),
	/** Someone tried to register with an address that already has an account: {@code attemptedAt}. */
	REGISTRATION_ATTEMPT("registration-attempt", "attemptedAt"),
	/**
	 * Security alert: a copy of a sign-in's refresh token was used, and the sign-in was ended: {@code detectedAt},
	 * {@code ipAddress}.
	 */
	SUSPICIOUS_SESSION("suspicious-session", "detectedAt", "ipAddress"),
	/**
	 * Security alert: repeated wrong passwords made the account's logins wait: {@code detectedAt},
	 * {@code ipAddress}.
	 */
	LOGIN_THROTTLED("login-throttled", "detectedAt", "ipAddress");

	private final String templateName;

	private final List<String> variables;

	MailTemplate(String templateName, String... variables) {
		this.templateName = templateName;
		this.variables = List.of(variables);
	}

	/**
	 * Return the file name of the templates, without extension.
	 * @return the template name
	 */
	public String templateName() {
		return this.templateName;
	}

	/**
	 * Return the variables the template uses besides the common ones ({@code siteName}, {@code recipientName},
	 * {@code recipientEmail}).
	 * @return the variable names
	 */
	public List<String> variables() {
		return this.variables;
	}

}
