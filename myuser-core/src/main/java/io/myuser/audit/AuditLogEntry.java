package io.myuser.audit;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One row of the audit trail as the API shows it.
 *
 * @param id the row's id
 * @param eventType what happened
 * @param createdAt when
 * @param ipAddress the client address, when one was known and kept
 * @param userAgent the client's user agent, empty when none was known or kept
 * @param details what the event recorded (a JSON object; empty for rows of an erased account)
 */
public record AuditLogEntry(UUID id, @JsonProperty("event_type") AuditEventType eventType,
		@JsonProperty("created_at") Instant createdAt, @JsonProperty("ip_address") @Nullable String ipAddress,
		@JsonProperty("user_agent") String userAgent, JsonNode details) {

}
