package io.myuser.gdpr;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A data request as {@code data-requests/} shows it.
 *
 * @param id the request id
 * @param requestType {@code EXPORT} or {@code DELETE}
 * @param status where it stands
 * @param notes the user's notes, followed by the reason when processing failed
 * @param createdAt when it was made
 * @param updatedAt when it last changed
 * @param dueAt the date by which it must be answered (GDPR Art. 12(3))
 * @param scheduledFor when processing starts: at once for an export, at the end of the grace period for a
 * deletion
 * @param processedAt when it completed, failed or was withdrawn
 */
public record DataRequestView(UUID id, @JsonProperty("request_type") DataRequestType requestType,
		DataRequestStatus status, String notes, @JsonProperty("created_at") Instant createdAt,
		@JsonProperty("updated_at") Instant updatedAt, @JsonProperty("due_at") Instant dueAt,
		@JsonProperty("scheduled_for") @Nullable Instant scheduledFor,
		@JsonProperty("processed_at") @Nullable Instant processedAt) {

	/**
	 * The view of a request.
	 * @param request the request
	 * @return its view
	 */
	public static DataRequestView of(DataRequest request) {
		return new DataRequestView(request.getId(), request.getRequestType(), request.getStatus(),
				request.getNotes(), request.getCreatedAt(), request.getUpdatedAt(), request.getDueAt(),
				request.getScheduledFor(), request.getProcessedAt());
	}

}
