package io.myuser.session;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One session in {@code GET sessions/}.
 *
 * @param id the session id
 * @param ipAddress the client IP at login
 * @param userAgent the user agent at login
 * @param createdAt when the session started
 * @param lastActivity when it was last used
 * @param current whether it is the session of the request
 */
public record SessionView(UUID id, @JsonProperty("ip_address") @Nullable String ipAddress,
		@JsonProperty("user_agent") String userAgent, @JsonProperty("created_at") Instant createdAt,
		@JsonProperty("last_activity") Instant lastActivity, boolean current) {

	static SessionView of(UserSession session, @Nullable UUID currentSessionId) {
		return new SessionView(session.getId(), session.getIpAddress(), session.getUserAgent(),
				session.getCreatedAt(), session.getLastActivity(), session.getId().equals(currentSessionId));
	}

}
