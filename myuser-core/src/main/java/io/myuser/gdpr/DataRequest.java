package io.myuser.gdpr;

import java.time.Instant;
import java.util.UUID;

import io.myuser.support.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A GDPR request of a user: an export or a deletion, with its status, the date by which it must be answered and,
 * for a deletion, the end of its grace period.
 */
@Entity
@Table(name = "myuser_data_request")
@SQLRestriction("deleted_at is null")
public class DataRequest extends BaseEntity {

	/** Length of the {@code notes} column. */
	public static final int NOTES_MAX_LENGTH = 2000;

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "request_type", nullable = false, updatable = false, length = 16)
	private DataRequestType requestType;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "status", nullable = false, length = 16)
	private DataRequestStatus status;

	@Column(name = "notes", nullable = false, length = NOTES_MAX_LENGTH)
	private String notes;

	@Column(name = "due_at", nullable = false)
	private Instant dueAt;

	@Column(name = "scheduled_for")
	private @Nullable Instant scheduledFor;

	@Column(name = "processed_at")
	private @Nullable Instant processedAt;

	@Column(name = "attempts", nullable = false)
	private int attempts;

	protected DataRequest() {
		this.userId = new UUID(0, 0);
		this.requestType = DataRequestType.EXPORT;
		this.status = DataRequestStatus.PENDING;
		this.notes = "";
		this.dueAt = Instant.EPOCH;
	}

	public DataRequest(UUID userId, DataRequestType requestType, String notes, Instant dueAt,
			@Nullable Instant scheduledFor) {
		this.userId = userId;
		this.requestType = requestType;
		this.status = DataRequestStatus.PENDING;
		this.notes = notes;
		this.dueAt = dueAt;
		this.scheduledFor = scheduledFor;
	}

	public UUID getUserId() {
		return this.userId;
	}

	public DataRequestType getRequestType() {
		return this.requestType;
	}

	public DataRequestStatus getStatus() {
		return this.status;
	}

	public String getNotes() {
		return this.notes;
	}

	public Instant getDueAt() {
		return this.dueAt;
	}

	public @Nullable Instant getScheduledFor() {
		return this.scheduledFor;
	}

	public @Nullable Instant getProcessedAt() {
		return this.processedAt;
	}

	public int getAttempts() {
		return this.attempts;
	}

}
