package io.myuser.session;

import java.time.Instant;
import java.util.UUID;

import io.myuser.support.ClientInfo;
import io.myuser.support.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One login on one device: the family of refresh tokens that login produced, with the client IP and user agent it
 * came from. A session ends when it is revoked, when its absolute lifetime runs out or after an idle timeout.
 */
@Entity
@Table(name = "myuser_user_session")
@SQLRestriction("deleted_at is null")
public class UserSession extends BaseEntity {

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(name = "ip_address", length = 45)
	private @Nullable String ipAddress;

	@Column(name = "user_agent", nullable = false, length = ClientInfo.USER_AGENT_MAX_LENGTH)
	private String userAgent;

	@Column(name = "login_method", nullable = false, length = 32)
	private String loginMethod;

	@Column(name = "last_activity", nullable = false)
	private Instant lastActivity;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "revoked_at")
	private @Nullable Instant revokedAt;

	@Column(name = "revoke_reason", length = 32)
	private @Nullable String revokeReason;

	protected UserSession() {
		this.userId = new UUID(0, 0);
		this.userAgent = "";
		this.loginMethod = "";
		this.lastActivity = Instant.EPOCH;
		this.expiresAt = Instant.EPOCH;
	}

	UserSession(UUID userId, ClientInfo client, String loginMethod, Instant now, Instant expiresAt) {
		Assert.notNull(userId, "userId cannot be null");
		this.userId = userId;
		this.ipAddress = client.ipAddress();
		this.userAgent = client.userAgent();
		this.loginMethod = loginMethod;
		this.lastActivity = now;
		this.expiresAt = expiresAt;
	}

	public UUID getUserId() {
		return this.userId;
	}

	public @Nullable String getIpAddress() {
		return this.ipAddress;
	}

	public String getUserAgent() {
		return this.userAgent;
	}

	public String getLoginMethod() {
		return this.loginMethod;
	}

	public Instant getLastActivity() {
		return this.lastActivity;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	public @Nullable Instant getRevokedAt() {
		return this.revokedAt;
	}

	public @Nullable String getRevokeReason() {
		return this.revokeReason;
	}

	public boolean isLive(Instant now) {
		return this.revokedAt == null && now.isBefore(this.expiresAt) && !isDeleted();
	}

	/**
	 * Runs after {@code EntityTimestampsListener} stamped {@code created_at} (JPA calls entity listeners first), so
	 * a new session never shows activity before its creation.
	 */
	@PrePersist
	void alignActivityWithCreation() {
		if (this.lastActivity.isBefore(getCreatedAt())) {
			this.lastActivity = getCreatedAt();
		}
	}

	void touch(Instant now) {
		this.lastActivity = now;
	}

	void revoke(Instant now, String reason) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
			this.revokeReason = reason;
		}
	}

	void eraseClientData() {
		this.ipAddress = null;
		this.userAgent = "";
	}

}
