package io.myuser.account;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditableEvent;
import io.myuser.support.ClientInfo;
import org.jspecify.annotations.Nullable;

/**
 * Events of the account flows, published inside the transaction that caused them. The mail feature turns them into
 * emails (enqueued in that same transaction), the session feature ends sessions on password changes, and the
 * audit feature records the auditable ones.
 */
public final class AccountEvents {

	private AccountEvents() {
	}

	/**
	 * A verification email is due: after registration, or on request.
	 *
	 * @param userId the account
	 * @param email the address to verify
	 * @param locale the language of the email
	 */
	public record VerificationEmailRequested(UUID userId, String email, Locale locale) {
	}

	/**
	 * A password reset email is due.
	 *
	 * @param userId the account
	 * @param email its address
	 * @param locale the language of the email
	 */
	public record PasswordResetRequested(UUID userId, String email, Locale locale) {
	}

	/**
	 * A verification or reset email was asked for an address that has no account it could go to. The mail
	 * feature enqueues the same job it would for an account, which then sends nothing: both answers cost the same
	 * work, so their timing does not tell whether the address is registered.
	 *
	 * @param email the address asked for
	 * @param purpose the kind of link that was asked for
	 * @param locale the language of the request
	 */
	public record LinkRequestedForNoAccount(String email, EmailLinkTokenPurpose purpose, Locale locale) {
	}

	/**
	 * Someone tried to register with the address of an existing account; its owner is told, the caller is not.
	 * Audited as {@code SUSPICIOUS_ACTIVITY} (it is how addresses are probed), which also gives this path the same
	 * database work as a real registration.
	 *
	 * @param userId the existing account
	 * @param email its address
	 * @param locale the language of the notice
	 * @param attemptedAt when
	 * @param client who tried
	 */
	public record RegistrationAttemptedForTakenEmail(UUID userId, String email, Locale locale, Instant attemptedAt,
			ClientInfo client) implements AuditableEvent {

		@Override
		public AuditEventType auditEventType() {
			return AuditEventType.SUSPICIOUS_ACTIVITY;
		}

		@Override
		public Map<String, Object> auditDetails() {
			return Map.of("kind", "registration_with_registered_email");
		}

	}

	/**
	 * A new account is ready to use (registered with verification off, or verified).
	 *
	 * @param userId the account
	 * @param email its address
	 * @param locale the language of the welcome email
	 */
	public record AccountActivated(UUID userId, String email, Locale locale) {
	}

	/**
	 * The address of an account was verified.
	 *
	 * @param userId the account
	 * @param email the verified address
	 * @param locale the language of the email-confirmed email
	 * @param client who verified it
	 */
	public record EmailVerified(UUID userId, String email, Locale locale, ClientInfo client)
			implements AuditableEvent {

		@Override
		public AuditEventType auditEventType() {
			return AuditEventType.EMAIL_CHANGE;
		}

		@Override
		public Map<String, Object> auditDetails() {
			return Map.of("action", "verified");
		}

	}

	/**
	 * A password was changed by its owner or set through a reset link. Every session but {@code keptSessionId} ends.
	 *
	 * @param userId the account
	 * @param email its address, for the alert
	 * @param keptSessionId the session that made the change and stays, or {@code null} (a reset ends all)
	 * @param reset whether it was set through a reset link
	 * @param changedAt when
	 * @param locale the language of the alert
	 * @param client who changed it
	 */
	public record PasswordChanged(UUID userId, String email, @Nullable UUID keptSessionId, boolean reset,
			Instant changedAt, Locale locale, ClientInfo client) implements AuditableEvent {

		@Override
		public AuditEventType auditEventType() {
			return this.reset ? AuditEventType.PASSWORD_RESET : AuditEventType.PASSWORD_CHANGE;
		}

	}

}
