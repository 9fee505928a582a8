package io.myuser.gdpr.export;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditableEvent;
import io.myuser.support.ClientInfo;

/**
 * An export archive is built and stored, published in the transaction that records it. The mail feature sends
 * the "export ready" email, whose download link is issued when the email is sent.
 *
 * @param userId whose data it is
 * @param requestId the data request it answers
 * @param exportFileId the stored archive
 * @param email where to send the link
 * @param languageTag the language of the email
 * @param expiresAt until when the archive can be downloaded
 */
public record DataExportCompleted(UUID userId, UUID requestId, UUID exportFileId, String email, String languageTag,
		Instant expiresAt) implements AuditableEvent {

	@Override
	public AuditEventType auditEventType() {
		return AuditEventType.DATA_EXPORT_REQUESTED;
	}

	@Override
	public ClientInfo client() {
		return ClientInfo.NONE;
	}

	@Override
	public Map<String, Object> auditDetails() {
		return Map.of("action", "completed", "request_id", this.requestId.toString(), "export_file_id",
				this.exportFileId.toString());
	}

}
