package io.myuser.session;

import java.time.Instant;
import java.util.UUID;

import io.myuser.support.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;

/**
 * A revoked session, as every node learns of it: its access tokens are refused from the moment a node has seen
 * this row. The row is useless once {@code expiresAt} has passed, since every access token of the session has
 * expired by then.
 */
@Entity
@Table(name = "myuser_token_revocation")
@SQLRestriction("deleted_at is null")
public class TokenRevocation extends BaseEntity {

	@Column(name = "session_id", nullable = false, updatable = false)
	private java.util.UUID sessionId;

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(name = "reason", nullable = false, updatable = false, length = 32)
	private String reason;

	@Column(name = "revoked_at", nullable = false, updatable = false)
	private Instant revokedAt;

	@Column(name = "expires_at", nullable = false, updatable = false)
	private Instant expiresAt;

	protected TokenRevocation() {
		this.sessionId = new UUID(0, 0);
		this.userId = new UUID(0, 0);
		this.reason = "";
		this.revokedAt = Instant.EPOCH;
		this.expiresAt = Instant.EPOCH;
	}

	TokenRevocation(UUID sessionId, UUID userId, String reason, Instant revokedAt, Instant expiresAt) {
		this.sessionId = sessionId;
		this.userId = userId;
		this.reason = reason;
		this.revokedAt = revokedAt;
		this.expiresAt = expiresAt;
	}

	public UUID getSessionId() {
		return this.sessionId;
	}

	public UUID getUserId() {
		return this.userId;
	}

	public String getReason() {
		return this.reason;
	}

	public Instant getRevokedAt() {
		return this.revokedAt;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

}
