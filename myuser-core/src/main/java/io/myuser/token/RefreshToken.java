package io.myuser.token;

import java.time.Instant;
import java.util.UUID;

import io.myuser.support.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A refresh token, stored as the SHA-256 hash of the token only. All refresh tokens of one session form a family:
 * rotating one records its successor, and revoking the session revokes the family.
 */
@Entity
@Table(name = "myuser_refresh_token")
@SQLRestriction("deleted_at is null")
public class RefreshToken extends BaseEntity {

	@Column(name = "token_hash", nullable = false, updatable = false, length = 64)
	private String tokenHash;

	@Column(name = "session_id", nullable = false, updatable = false)
	private UUID sessionId;

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(name = "expires_at", nullable = false, updatable = false)
	private Instant expiresAt;

	@Column(name = "rotated_at")
	private @Nullable Instant rotatedAt;

	@Column(name = "replaced_by_id")
	private @Nullable UUID replacedById;

	@Column(name = "revoked_at")
	private @Nullable Instant revokedAt;

	@Column(name = "successor_ciphertext", length = 4000)
	private @Nullable String successorCiphertext;

	protected RefreshToken() {
		this.tokenHash = "";
		this.sessionId = new UUID(0, 0);
		this.userId = new UUID(0, 0);
		this.expiresAt = Instant.EPOCH;
	}

	RefreshToken(String tokenHash, UUID sessionId, UUID userId, Instant expiresAt) {
		Assert.isTrue(tokenHash.length() == 64, "tokenHash must be a hex SHA-256");
		this.tokenHash = tokenHash;
		this.sessionId = sessionId;
		this.userId = userId;
		this.expiresAt = expiresAt;
	}

	public String getTokenHash() {
		return this.tokenHash;
	}

	public UUID getSessionId() {
		return this.sessionId;
	}

	public UUID getUserId() {
		return this.userId;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	public @Nullable Instant getRotatedAt() {
		return this.rotatedAt;
	}

	public @Nullable UUID getReplacedById() {
		return this.replacedById;
	}

	public @Nullable Instant getRevokedAt() {
		return this.revokedAt;
	}

	@Nullable String getSuccessorCiphertext() {
		return this.successorCiphertext;
	}

	boolean isRotated() {
		return this.rotatedAt != null;
	}

	void rotate(Instant now, UUID successorId, String successorCiphertext) {
		this.rotatedAt = now;
		this.replacedById = successorId;
		this.successorCiphertext = successorCiphertext;
	}

}
