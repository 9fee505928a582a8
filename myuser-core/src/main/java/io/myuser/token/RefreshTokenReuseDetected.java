package io.myuser.token;

import java.util.Map;
import java.util.UUID;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditableEvent;
import io.myuser.support.ClientInfo;

/**
 * Published when a refresh token that was already rotated is presented again after the grace period: someone
 * else may hold a copy, so the whole session (token family) has been revoked. The mail feature turns this into a
 * security alert to the user.
 *
 * @param userId the user
 * @param sessionId the revoked session
 * @param client who presented the token
 */
public record RefreshTokenReuseDetected(UUID userId, UUID sessionId, ClientInfo client) implements AuditableEvent {

	@Override
	public AuditEventType auditEventType() {
		return AuditEventType.SUSPICIOUS_ACTIVITY;
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
		return Map.of("kind", "refresh_token_reuse", "session_id", this.sessionId.toString());
	}

}
