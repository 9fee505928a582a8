package io.myuser.admin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditableEvent;
import io.myuser.support.ClientInfo;

import org.springframework.util.Assert;

/**
 * Published when an administrator acted on an account, or searched the accounts: audited as
 * {@code ADMIN_ACTION} on the trail of the account acted on (on the administrator's own trail for a search), with
 * the action and the acting administrator's id in the details.
 *
 * @param userId the account acted on (the administrator's own for a search)
 * @param adminId the acting administrator
 * @param action what was done, such as {@code deactivate}
 * @param details what else to keep with the row; never personal data of another account
 * @param client where the administrator acted from
 */
public record AdminActionPerformed(UUID userId, UUID adminId, String action, Map<String, Object> details,
		ClientInfo client) implements AuditableEvent {

	/** An account's details were read. */
	public static final String VIEW_USER = "view_user";

	/** Accounts were searched. */
	public static final String SEARCH_USERS = "search_users";

	/** An account was deactivated. */
	public static final String DEACTIVATE = "deactivate";

	/** An account was reactivated. */
	public static final String REACTIVATE = "reactivate";

	/** All sessions of an account were ended. */
	public static final String END_SESSIONS = "end_sessions";

	/** The verification mail was sent again. */
	public static final String RESEND_VERIFICATION = "resend_verification";

	/** An account's audit trail was read. */
	public static final String READ_AUDIT_LOG = "read_audit_log";

	public AdminActionPerformed {
		Assert.notNull(userId, "userId cannot be null");
		Assert.notNull(adminId, "adminId cannot be null");
		Assert.hasText(action, "action cannot be empty");
		Assert.notNull(client, "client cannot be null");
		details = Map.copyOf(details);
	}

	@Override
	public AuditEventType auditEventType() {
		return AuditEventType.ADMIN_ACTION;
	}

	@Override
	public Map<String, Object> auditDetails() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("action", this.action);
		details.put("admin_id", this.adminId.toString());
		details.putAll(this.details);
		return Collections.unmodifiableMap(details);
	}

}
