package io.myuser.gdpr;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.UUID;

import io.myuser.support.Texts;
import io.myuser.support.persistence.BaseEntity;
import io.myuser.support.persistence.StoredTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

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

	@Column(name = "open_key", length = 64)
	private @Nullable String openKey;

	@Column(name = "language_tag", nullable = false, length = 35)
	private String languageTag;

	@Transient
	private @Nullable Period responseTime;

	@Transient
	private @Nullable Duration startDelay;

	protected DataRequest() {
		this.userId = new UUID(0, 0);
		this.requestType = DataRequestType.EXPORT;
		this.status = DataRequestStatus.PENDING;
		this.notes = "";
		this.dueAt = Instant.EPOCH;
		this.languageTag = "en";
	}

	/**
	 * Create an open request.
	 * @param userId the data subject
	 * @param requestType what they ask for
	 * @param notes their notes, at most {@value #NOTES_MAX_LENGTH} characters
	 * @param dueAt the date by which it must be answered
	 * @param scheduledFor when processing starts (the end of a deletion's grace period)
	 * @param languageTag the language of the emails it causes (BCP 47)
	 */
	public DataRequest(UUID userId, DataRequestType requestType, String notes, Instant dueAt,
			@Nullable Instant scheduledFor, String languageTag) {
		Assert.notNull(userId, "userId cannot be null");
		Assert.notNull(requestType, "requestType cannot be null");
		Assert.notNull(notes, "notes cannot be null");
		Assert.isTrue(notes.length() <= NOTES_MAX_LENGTH, "notes are too long");
		Assert.notNull(dueAt, "dueAt cannot be null");
		Assert.hasText(languageTag, "languageTag cannot be empty");
		this.userId = userId;
		this.requestType = requestType;
		this.status = DataRequestStatus.PENDING;
		this.notes = notes;
		this.dueAt = StoredTime.of(dueAt);
		this.scheduledFor = (scheduledFor != null) ? StoredTime.of(scheduledFor) : null;
		this.languageTag = languageTag;
		this.openKey = openKey(userId, requestType);
	}

	/**
	 * The value that marks the one open request of a user and type.
	 * @param userId the user
	 * @param requestType the type
	 * @return the key
	 */
	static String openKey(UUID userId, DataRequestType requestType) {
		return userId + ":" + requestType.name();
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

	public String getLanguageTag() {
		return this.languageTag;
	}

	/**
	 * Whether the request still waits for or is in processing.
	 * @return whether it is {@code PENDING} or {@code PROCESSING}
	 */
	public boolean isOpen() {
		return this.status == DataRequestStatus.PENDING || this.status == DataRequestStatus.PROCESSING;
	}

	/**
	 * Create an open request whose due date and start follow its creation time as stored (exact to the
	 * microsecond), set when it is first persisted.
	 * @param userId the data subject
	 * @param requestType what they ask for
	 * @param notes their notes, at most {@value #NOTES_MAX_LENGTH} characters
	 * @param responseTime how long after its creation the request is due
	 * @param startDelay how long after its creation processing starts (a deletion's grace period)
	 * @param languageTag the language of the emails it causes (BCP 47)
	 * @return the request, not yet stored
	 */
	public static DataRequest create(UUID userId, DataRequestType requestType, String notes, Period responseTime,
			Duration startDelay, String languageTag) {
		Assert.notNull(responseTime, "responseTime cannot be null");
		Assert.notNull(startDelay, "startDelay cannot be null");
		DataRequest request = new DataRequest(userId, requestType, notes, Instant.EPOCH, Instant.EPOCH, languageTag);
		request.responseTime = responseTime;
		request.startDelay = startDelay;
		return request;
	}

	/**
	 * Runs after {@code EntityTimestampsListener} stamped {@code created_at} (JPA calls entity listeners first).
	 */
	@PrePersist
	void scheduleFromCreation() {
		if (this.responseTime != null && this.startDelay != null) {
			this.dueAt = StoredTime.of(getCreatedAt().atZone(ZoneOffset.UTC).plus(this.responseTime).toInstant());
			this.scheduledFor = StoredTime.of(getCreatedAt().plus(this.startDelay));
		}
	}

	/**
	 * Start an attempt at processing.
	 */
	public void startAttempt() {
		Assert.state(isOpen(), "only an open request can be processed");
		this.status = DataRequestStatus.PROCESSING;
		this.attempts++;
	}

	/**
	 * Record that processing succeeded.
	 * @param now the time
	 */
	public void complete(Instant now) {
		Assert.state(isOpen(), "only an open request can complete");
		this.status = DataRequestStatus.COMPLETED;
		this.processedAt = StoredTime.of(now);
		this.openKey = null;
	}

	/**
	 * Record that processing was given up, keeping the reason in the notes after the user's own.
	 * @param reason why
	 * @param now the time
	 */
	public void fail(String reason, Instant now) {
		Assert.state(isOpen(), "only an open request can fail");
		this.status = DataRequestStatus.FAILED;
		this.processedAt = StoredTime.of(now);
		this.openKey = null;
		String line = "Processing failed: " + reason;
		String combined = this.notes.isEmpty() ? line : this.notes + "\n" + line;
		this.notes = Texts.truncate(combined, NOTES_MAX_LENGTH);
	}

	/**
	 * Withdraw the request.
	 * @param now the time
	 */
	public void cancel(Instant now) {
		Assert.state(this.status == DataRequestStatus.PENDING, "only a pending request can be withdrawn");
		this.status = DataRequestStatus.CANCELLED;
		this.processedAt = StoredTime.of(now);
		this.openKey = null;
	}

	/**
	 * Forget the user's notes (their account is being erased).
	 */
	public void eraseNotes() {
		this.notes = "";
	}

}
