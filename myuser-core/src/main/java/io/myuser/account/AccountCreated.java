package io.myuser.account;

import java.util.UUID;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditableEvent;
import io.myuser.support.ClientInfo;

/**
 * Published inside the transaction that created an account. Listeners in the same transaction (the profile
 * feature creates the profile row) commit or roll back with it.
 *
 * @param userId the new account
 * @param email the address it was created with
 * @param client who created it
 */
public record AccountCreated(UUID userId, String email, ClientInfo client) implements AuditableEvent {

	@Override
	public AuditEventType auditEventType() {
		return AuditEventType.ACCOUNT_CREATED;
	}

}
