package io.myuser.profile;

import java.time.Instant;
import java.util.UUID;

import io.myuser.support.ClientInfo;
import io.myuser.support.persistence.BaseEntity;
import io.myuser.support.persistence.StoredTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the append-only consent history: what a user consented to (or withdrew), when, from where and
 * under which policy version.
 */
@Entity
@Table(name = "myuser_consent_record")
@SQLRestriction("deleted_at is null")
public class ConsentRecord extends BaseEntity {

	@Column(name = "user_id", nullable = false, updatable = false)
	private UUID userId;

	@Column(name = "consent_type", nullable = false, updatable = false, length = 64)
	private String consentType;

	@Column(name = "granted", nullable = false, updatable = false)
	private boolean granted;

	@Column(name = "recorded_at", nullable = false, updatable = false)
	private Instant recordedAt;

	@Column(name = "ip_address", length = 45)
	private @Nullable String ipAddress;

	@Column(name = "user_agent", nullable = false, length = ClientInfo.USER_AGENT_MAX_LENGTH)
	private String userAgent;

	@Column(name = "policy_version", updatable = false, length = 64)
	private @Nullable String policyVersion;

	protected ConsentRecord() {
		this.userId = new UUID(0, 0);
		this.consentType = "";
		this.recordedAt = Instant.EPOCH;
		this.userAgent = "";
	}

	ConsentRecord(UUID userId, String consentType, boolean granted, Instant recordedAt, ClientInfo client,
			@Nullable String policyVersion) {
		this.userId = userId;
		this.consentType = consentType;
		this.granted = granted;
		this.recordedAt = StoredTime.of(recordedAt);
		this.ipAddress = client.ipAddress();
		this.userAgent = client.userAgent();
		this.policyVersion = policyVersion;
	}

	public UUID getUserId() {
		return this.userId;
	}

	public String getConsentType() {
		return this.consentType;
	}

	public boolean isGranted() {
		return this.granted;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

	public @Nullable String getIpAddress() {
		return this.ipAddress;
	}

	public String getUserAgent() {
		return this.userAgent;
	}

	public @Nullable String getPolicyVersion() {
		return this.policyVersion;
	}

	void eraseClientData() {
		this.ipAddress = null;
		this.userAgent = "";
	}

}
