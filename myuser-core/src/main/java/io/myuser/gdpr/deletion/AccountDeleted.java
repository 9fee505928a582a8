package io.myuser.gdpr.deletion;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditableEvent;
import io.myuser.support.ClientInfo;

/**
 * An account and its personal data were erased, published in the erasing transaction. The audit row it leaves
 * names only the (pseudonymous) account id; the mail feature sends the confirmation to the former address.
 *
 * @param userId the erased account
 * @param requestId the deletion request carried out
 * @param email the address the account had, for the confirmation email only
 * @param firstName the first name it had, to greet the recipient
 * @param languageTag the language of the confirmation
 * @param deletedAt when it was erased
 */
public record AccountDeleted(UUID userId, UUID requestId, String email, String firstName, String languageTag,
		Instant deletedAt) implements AuditableEvent {

	@Override
	public AuditEventType auditEventType() {
		return AuditEventType.ACCOUNT_DELETED;
	}

	@Override
	public ClientInfo client() {
		return ClientInfo.NONE;
	}

	@Override
	public Map<String, Object> auditDetails() {
		return Map.of("request_id", this.requestId.toString());
	}

	@Override
	public String toString() {
		return "AccountDeleted[userId=" + this.userId + ", requestId=" + this.requestId + "]";
	}

}
