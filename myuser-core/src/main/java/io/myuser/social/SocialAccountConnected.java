package io.myuser.social;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditableEvent;
import io.myuser.support.ClientInfo;

/**
 * Published in the transaction that connected a provider identity to an account (by connecting, or by a first
 * social login that created or linked the account). Audited; the mail feature tells the owner.
 *
 * @param userId the account
 * @param provider the provider's registration id
 * @param providerName the provider's display name
 * @param connectedAt when
 * @param newAccount whether the account was created by this identity's first login (its owner is not told again)
 * @param locale the language of the request
 * @param client who connected it
 */
public record SocialAccountConnected(UUID userId, String provider, String providerName, Instant connectedAt,
		boolean newAccount, Locale locale, ClientInfo client) implements AuditableEvent {

	@Override
	public AuditEventType auditEventType() {
		return AuditEventType.SOCIAL_ACCOUNT_CONNECTED;
	}

	@Override
	public Map<String, Object> auditDetails() {
		return Map.of("provider", this.provider);
	}

}
