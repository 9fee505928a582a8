package io.myuser.session;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditableEvent;
import io.myuser.support.ClientInfo;

/**
 * Published in the transaction that ended one or more sessions of a user. A logout is audited as
 * {@code LOGOUT}; other reasons (revoked from another device, password change, account disabled, token reuse)
 * are recorded in the details of the same row.
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
		return AuditEventType.LOGOUT;
	}

	@Override
	public UUID auditUserId() {
		return this.userId;
	}

	@Override
	public ClientInfo auditClient() {
		return this.client;
	}

	@Override
	public Map<String, Object> auditDetails() {
		return Map.of("reason", this.reason, "session_ids", this.sessionIds.stream().map(UUID::toString).toList());
	}

}
