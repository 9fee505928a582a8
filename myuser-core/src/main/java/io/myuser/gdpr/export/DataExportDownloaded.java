package io.myuser.gdpr.export;

import java.util.Map;
import java.util.UUID;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditableEvent;
import io.myuser.support.ClientInfo;

/**
 * An export archive was downloaded through its link.
 *
 * @param userId whose data it is
 * @param exportFileId the archive
 * @param downloadCount how many times it has been downloaded, this time included
 * @param client who downloaded it
 */
public record DataExportDownloaded(UUID userId, UUID exportFileId, int downloadCount,
		ClientInfo client) implements AuditableEvent {

	@Override
	public AuditEventType auditEventType() {
		return AuditEventType.DATA_EXPORT_REQUESTED;
	}

	@Override
	public Map<String, Object> auditDetails() {
		return Map.of("action", "downloaded", "export_file_id", this.exportFileId.toString(), "download_count",
				this.downloadCount);
	}

}
