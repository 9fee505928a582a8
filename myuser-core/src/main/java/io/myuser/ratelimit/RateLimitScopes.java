package io.myuser.ratelimit;

/**
 * The names of MyUser's budgets, as {@code myuser.rate-limit.scopes.<scope>} configures them.
 */
public final class RateLimitScopes {

	/** Login attempts per client IP. */
	public static final String LOGIN_PER_IP = "login.per-ip";

	/** Login attempts per submitted address, known or not. */
	public static final String LOGIN_PER_ACCOUNT = "login.per-account";

	/** Password reset requests per client IP. */
	public static final String PASSWORD_RESET_PER_IP = "password-reset.per-ip";

	/** Password reset requests per submitted address. */
	public static final String PASSWORD_RESET_PER_ADDRESS = "password-reset.per-address";

	/** Registrations per client IP. */
	public static final String REGISTRATION_PER_IP = "registration.per-ip";

	/** Registrations per submitted address. */
	public static final String REGISTRATION_PER_ADDRESS = "registration.per-address";

	/** Verification mails asked for again, per client IP. */
	public static final String RESEND_EMAIL_PER_IP = "resend-email.per-ip";

	/** Verification mails asked for again, per submitted address. */
	public static final String RESEND_EMAIL_PER_ADDRESS = "resend-email.per-address";

	/** GDPR data requests created per account (reading them spends nothing). */
	public static final String DATA_REQUEST_PER_USER = "data-request.per-user";

	/** Password changes per account, spent before the current password is checked. */
	public static final String PASSWORD_CHANGE_PER_USER = "password-change.per-user";

	/** Profile writes per account. */
	public static final String PROFILE_UPDATE_PER_USER = "profile-update.per-user";

	/** Token refreshes per client IP. */
	public static final String TOKEN_REFRESH_PER_IP = "token-refresh.per-ip";

	/** Social logins per client IP. */
	public static final String SOCIAL_PER_IP = "social.per-ip";

	private RateLimitScopes() {
	}

}
