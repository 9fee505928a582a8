package io.myuser.social;

import java.util.Map;
import java.util.UUID;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditableEvent;
import io.myuser.support.ClientInfo;

/**
 * Published in the transaction that disconnected a provider identity from an account. Audited.
 *
 * @param userId the account
 * @param provider the provider's registration id
 * @param client who disconnected it
 */
public record SocialAccountDisconnected(UUID userId, String provider, ClientInfo client) implements AuditableEvent {

	@Override
	public AuditEventType auditEventType() {
		return AuditEventType.SOCIAL_ACCOUNT_DISCONNECTED;
	}

	@Override
	public Map<String, Object> auditDetails() {
		return Map.of("provider", this.provider);
	}

}
