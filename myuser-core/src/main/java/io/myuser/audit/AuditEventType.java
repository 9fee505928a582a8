package io.myuser.audit;

/**
 * The kinds of security-relevant action written to the audit log: the fourteen of django-myuser, and the actions
 * of administrators.
 */
public enum AuditEventType {

	/** A successful login, by password or social provider. */
	LOGIN,
	/** A session ended by its owner. */
	LOGOUT,
	/** A failed login attempt (exactly one row per attempt). */
	LOGIN_FAILED,
	/** A password changed by its owner. */
	PASSWORD_CHANGE,
	/** A password set through a reset link. */
	PASSWORD_RESET,
	/** An email address changed or verified. */
	EMAIL_CHANGE,
	/** A profile field or the marketing consent changed. */
	PROFILE_UPDATE,
	/** An account created. */
	ACCOUNT_CREATED,
	/** An account erased. */
	ACCOUNT_DELETED,
	/** A data export requested, produced or downloaded. */
	DATA_EXPORT_REQUESTED,
	/** An account deletion requested or withdrawn. */
	DATA_DELETION_REQUESTED,
	/** A social account connected. */
	SOCIAL_ACCOUNT_CONNECTED,
	/** A social account disconnected. */
	SOCIAL_ACCOUNT_DISCONNECTED,
	/** Something that looks like an attack, such as the reuse of a rotated refresh token. */
	SUSPICIOUS_ACTIVITY,
	/** An administrator acted on an account (or searched the accounts); the details name the action and admin. */
	ADMIN_ACTION

}
