package io.myuser.audit;

import java.util.Map;
import java.util.UUID;

import io.myuser.support.ClientInfo;
import org.jspecify.annotations.Nullable;

/**
 * An application event that leaves a row in the audit log once the transaction that published it commits (or at
 * once, when it was published outside a transaction). Features publish their own event types implementing this
 * interface; the audit feature knows none of them.
 */
public interface AuditableEvent {

	/**
	 * Return the kind of audit row this event leaves.
	 * @return the audit event type
	 */
	AuditEventType auditEventType();

	/**
	 * Return the user the event concerns. A record with a {@code userId} component implements this as is.
	 * @return the user id, or {@code null} when no user is known (a login with an unknown email)
	 */
	@Nullable UUID userId();

	/**
	 * Return who caused the event. A record with a {@code client} component implements this as is.
	 * @return the client information
	 */
	ClientInfo client();

	/**
	 * Return details to keep with the row. Values must be serializable to JSON; secrets never belong here.
	 * @return the details; none by default
	 */
	default Map<String, Object> auditDetails() {
		return Map.of();
	}

}
