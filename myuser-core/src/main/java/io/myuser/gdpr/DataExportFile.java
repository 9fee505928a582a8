package io.myuser.gdpr;

import java.time.Instant;
import java.util.UUID;

import io.myuser.support.persistence.BaseEntity;
import io.myuser.support.persistence.StoredTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A finished export archive and the secure link to it: the download token is stored as its SHA-256 hash only,
 * expires, and may be limited to a number of downloads.
 */
@Entity
@Table(name = "myuser_data_export_file")
@SQLRestriction("deleted_at is null")
public class DataExportFile extends BaseEntity {

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(name = "data_request_id", nullable = false, updatable = false)
	private UUID dataRequestId;

	@Column(name = "token_hash", nullable = false, length = 64)
	private String tokenHash;

	@Column(name = "storage_key", nullable = false, length = 512)
	private String storageKey;

	@Column(name = "file_size", nullable = false)
	private long fileSize;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "download_count", nullable = false)
	private int downloadCount;

	@Column(name = "max_downloads")
	private @Nullable Integer maxDownloads;

	@Column(name = "last_downloaded_at")
	private @Nullable Instant lastDownloadedAt;

	@Column(name = "file_deleted_at")
	private @Nullable Instant fileDeletedAt;

	protected DataExportFile() {
		this.userId = new UUID(0, 0);
		this.dataRequestId = new UUID(0, 0);
		this.tokenHash = "";
		this.storageKey = "";
		this.expiresAt = Instant.EPOCH;
	}

	public DataExportFile(UUID userId, UUID dataRequestId, String tokenHash, String storageKey, long fileSize,
			Instant expiresAt, @Nullable Integer maxDownloads) {
		this.userId = userId;
		this.dataRequestId = dataRequestId;
		this.tokenHash = tokenHash;
		this.storageKey = storageKey;
		this.fileSize = fileSize;
		this.expiresAt = StoredTime.of(expiresAt);
		this.maxDownloads = maxDownloads;
	}

	public UUID getUserId() {
		return this.userId;
	}

	public UUID getDataRequestId() {
		return this.dataRequestId;
	}

	public String getTokenHash() {
		return this.tokenHash;
	}

	public String getStorageKey() {
		return this.storageKey;
	}

	public long getFileSize() {
		return this.fileSize;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	public int getDownloadCount() {
		return this.downloadCount;
	}

	public @Nullable Integer getMaxDownloads() {
		return this.maxDownloads;
	}

	public @Nullable Instant getLastDownloadedAt() {
		return this.lastDownloadedAt;
	}

	public @Nullable Instant getFileDeletedAt() {
		return this.fileDeletedAt;
	}

	/**
	 * Whether the archive may still be downloaded: not expired, its file not deleted and downloads left.
	 * @param now the time
	 * @return whether a download is allowed
	 */
	public boolean isDownloadable(Instant now) {
		return this.fileDeletedAt == null && now.isBefore(this.expiresAt)
				&& (this.maxDownloads == null || this.downloadCount < this.maxDownloads);
	}

	/**
	 * Replace the download token: the link sent before stops working.
	 * @param tokenHash the hash of the new token
	 */
	public void replaceTokenHash(String tokenHash) {
		Assert.hasText(tokenHash, "tokenHash cannot be empty");
		this.tokenHash = tokenHash;
	}

	/**
	 * End the archive's life now: no more downloads, and the clean-up deletes its file.
	 * @param now the time
	 */
	public void expire(Instant now) {
		if (now.isBefore(this.expiresAt)) {
			this.expiresAt = StoredTime.of(now);
		}
	}

	/**
	 * Record that the stored file is gone.
	 * @param now the time
	 */
	public void markFileDeleted(Instant now) {
		this.fileDeletedAt = StoredTime.of(now);
	}

}
