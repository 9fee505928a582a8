package io.myuser.token;

import java.util.Map;
import java.util.UUID;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditableEvent;
import io.myuser.support.ClientInfo;

/**
 * Published in the transaction of a successful login.
 *
 * @param userId the user
 * @param sessionId the session the login started
 * @param method {@code password} or a social provider id
 * @param client where the login came from
 */
public record UserLoggedIn(UUID userId, UUID sessionId, String method, ClientInfo client) implements AuditableEvent {

	@Override
	public AuditEventType auditEventType() {
		return AuditEventType.LOGIN;
	}

	@Override
	public Map<String, Object> auditDetails() {
		return Map.of("session_id", this.sessionId.toString(), "method", this.method);
	}

}
