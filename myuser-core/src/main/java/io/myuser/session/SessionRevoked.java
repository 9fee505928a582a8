package io.myuser.session;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditableEvent;
import io.myuser.support.ClientInfo;

/**
 * Published in the transaction that ended one or more sessions of a user. It is audited as {@code LOGOUT} with
 * the reason in the details (logout, revoked from another device, password change, account disabled, by an
 * administrator), except the reuse of a rotated refresh token, which is audited as {@code SUSPICIOUS_ACTIVITY}.
 *
 * @param userId the user
 * @param sessionIds the sessions that ended
 * @param reason why
 * @param client who ended them
 */
public record SessionRevoked(UUID userId, List<UUID> sessionIds, String reason, ClientInfo client)
		implements AuditableEvent {

	@Override
	public AuditEventType auditEventType() {
		return SessionService.REASON_TOKEN_REUSE.equals(this.reason) ? AuditEventType.SUSPICIOUS_ACTIVITY
				: AuditEventType.LOGOUT;
	}

	@Override
	public Map<String, Object> auditDetails() {
		return Map.of("reason", this.reason, "session_ids", this.sessionIds.stream().map(UUID::toString).toList());
	}

}
