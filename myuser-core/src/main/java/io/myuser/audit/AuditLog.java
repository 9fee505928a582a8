package io.myuser.audit;

import java.util.UUID;

import io.myuser.support.ClientInfo;
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
 * One row of the audit trail. Rows are written once and never updated, except that an account deletion
 * pseudonymises the rows of the deleted user.
 */
@Entity
@Table(name = "myuser_audit_log")
@SQLRestriction("deleted_at is null")
public class AuditLog extends BaseEntity {

	/** Length of the {@code details} column. */
	public static final int DETAILS_MAX_LENGTH = 4000;

	@Column(name = "user_id")
	private @Nullable UUID userId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "event_type", nullable = false, length = 40)
	private AuditEventType eventType;

	@Column(name = "ip_address", length = 45)
	private @Nullable String ipAddress;

	@Column(name = "user_agent", nullable = false, length = ClientInfo.USER_AGENT_MAX_LENGTH)
	private String userAgent;

	@Column(name = "details", nullable = false, length = DETAILS_MAX_LENGTH)
	private String details;

	protected AuditLog() {
		this.eventType = AuditEventType.LOGIN;
		this.userAgent = "";
		this.details = "{}";
	}

	public AuditLog(@Nullable UUID userId, AuditEventType eventType, ClientInfo client, String details) {
		this.userId = userId;
		this.eventType = eventType;
		this.ipAddress = client.ipAddress();
		this.userAgent = client.userAgent();
		this.details = details;
	}

	public @Nullable UUID getUserId() {
		return this.userId;
	}

	public AuditEventType getEventType() {
		return this.eventType;
	}

	public @Nullable String getIpAddress() {
		return this.ipAddress;
	}

	public String getUserAgent() {
		return this.userAgent;
	}

	/**
	 * Return the details as a JSON object.
	 * @return the JSON text
	 */
	public String getDetails() {
		return this.details;
	}

}
