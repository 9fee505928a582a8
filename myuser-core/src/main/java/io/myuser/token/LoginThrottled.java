package io.myuser.token;

import java.util.Map;
import java.util.UUID;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditableEvent;
import io.myuser.support.ClientInfo;

/**
 * Published when an account's logins are first slowed down for repeated wrong passwords (in one window of
 * counted failures): audited as {@code SUSPICIOUS_ACTIVITY}, and the owner may be told by email.
 *
 * @param userId the account
 * @param email its address, for the alert
 * @param track which failures crossed their threshold: {@code per-address-ip} (one client) or {@code per-address}
 * (clients the account never logged in from)
 * @param alertOwner whether the owner is to be told by email
 * @param client the client whose failure crossed it
 */
public record LoginThrottled(UUID userId, String email, String track, boolean alertOwner, ClientInfo client)
		implements AuditableEvent {

	@Override
	public AuditEventType auditEventType() {
		return AuditEventType.SUSPICIOUS_ACTIVITY;
	}

	@Override
	public Map<String, Object> auditDetails() {
		return Map.of("reason", "login_throttled", "track", this.track);
	}

}
