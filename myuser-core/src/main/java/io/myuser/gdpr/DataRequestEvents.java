package io.myuser.gdpr;

import java.util.Map;
import java.util.UUID;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditableEvent;
import io.myuser.support.ClientInfo;

/**
 * Events of the life of a data request, published in the transaction that changed it. Each leaves an audit row.
 */
public final class DataRequestEvents {

	private DataRequestEvents() {
	}

	private static AuditEventType auditType(DataRequestType type) {
		return (type == DataRequestType.EXPORT) ? AuditEventType.DATA_EXPORT_REQUESTED
				: AuditEventType.DATA_DELETION_REQUESTED;
	}

	/**
	 * A user asked for an export or the deletion of their account.
	 *
	 * @param userId the user
	 * @param requestId the request
	 * @param requestType what they asked for
	 * @param client who asked
	 */
	public record Created(UUID userId, UUID requestId, DataRequestType requestType,
			ClientInfo client) implements AuditableEvent {

		@Override
		public AuditEventType auditEventType() {
			return auditType(this.requestType);
		}

		@Override
		public Map<String, Object> auditDetails() {
			return Map.of("action", "requested", "request_id", this.requestId.toString());
		}

	}

	/**
	 * A user withdrew a deletion request during its grace period.
	 *
	 * @param userId the user
	 * @param requestId the request
	 * @param client who withdrew it
	 */
	public record Cancelled(UUID userId, UUID requestId, ClientInfo client) implements AuditableEvent {

		@Override
		public AuditEventType auditEventType() {
			return AuditEventType.DATA_DELETION_REQUESTED;
		}

		@Override
		public Map<String, Object> auditDetails() {
			return Map.of("action", "cancelled", "request_id", this.requestId.toString());
		}

	}

	/**
	 * Processing a request was given up after its retries.
	 *
	 * @param userId the user
	 * @param requestId the request
	 * @param requestType its type
	 * @param reason why, as kept in the request's notes
	 */
	public record Failed(UUID userId, UUID requestId, DataRequestType requestType,
			String reason) implements AuditableEvent {

		@Override
		public AuditEventType auditEventType() {
			return auditType(this.requestType);
		}

		@Override
		public ClientInfo client() {
			return ClientInfo.NONE;
		}

		@Override
		public Map<String, Object> auditDetails() {
			return Map.of("action", "failed", "request_id", this.requestId.toString());
		}

	}

}
