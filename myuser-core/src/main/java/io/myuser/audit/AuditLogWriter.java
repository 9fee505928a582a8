package io.myuser.audit;

import java.util.Map;
import java.util.UUID;

import io.myuser.support.ClientInfo;
import org.jspecify.annotations.Nullable;

/**
 * Writes audit rows. A replaceable strategy: the default {@link JpaAuditLogWriter} stores them in
 * {@code myuser_audit_log}; a host may declare its own bean to send them elsewhere as well.
 */
@FunctionalInterface
public interface AuditLogWriter {

	/**
	 * Write one audit row, in a transaction of its own.
	 * @param userId the user concerned, if known
	 * @param type the event type
	 * @param client who caused it
	 * @param details details to keep, serializable to JSON
	 */
	void write(@Nullable UUID userId, AuditEventType type, ClientInfo client, Map<String, Object> details);

}
