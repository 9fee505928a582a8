package io.myuser.account;

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
 * A single-use, expiring token sent by email, stored as the SHA-256 hash of the token only.
 */
@Entity
@Table(name = "myuser_one_time_token")
@SQLRestriction("deleted_at is null")
public class EmailLinkToken extends BaseEntity {

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "purpose", nullable = false, updatable = false, length = 32)
	private EmailLinkTokenPurpose purpose;

	@Column(name = "token_hash", nullable = false, updatable = false, length = 64)
	private String tokenHash;

	@Column(name = "email", nullable = false, updatable = false, length = User.EMAIL_MAX_LENGTH)
	private String email;

	@Column(name = "expires_at", nullable = false, updatable = false)
	private Instant expiresAt;

	@Column(name = "used_at")
	private @Nullable Instant usedAt;

	protected EmailLinkToken() {
		this.userId = new UUID(0, 0);
		this.purpose = EmailLinkTokenPurpose.EMAIL_VERIFICATION;
		this.tokenHash = "";
		this.email = "";
		this.expiresAt = Instant.EPOCH;
	}

	EmailLinkToken(UUID userId, EmailLinkTokenPurpose purpose, String tokenHash, String email, Instant expiresAt) {
		this.userId = userId;
		this.purpose = purpose;
		this.tokenHash = tokenHash;
		this.email = email;
		this.expiresAt = expiresAt;
	}

	public UUID getUserId() {
		return this.userId;
	}

	public EmailLinkTokenPurpose getPurpose() {
		return this.purpose;
	}

	public String getEmail() {
		return this.email;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	public @Nullable Instant getUsedAt() {
		return this.usedAt;
	}

}
