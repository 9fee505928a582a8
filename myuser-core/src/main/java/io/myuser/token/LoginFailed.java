package io.myuser.token;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditableEvent;
import io.myuser.support.ClientInfo;
import io.myuser.support.Texts;
import org.jspecify.annotations.Nullable;

/**
 * Published, outside any transaction, once per failed login attempt.
 *
 * @param userId the account the attempt named, if it exists
 * @param attemptedEmail the address entered
 * @param reason why it failed (server side only)
 * @param client where the attempt came from
 * @param method how: {@code password} or a social provider id
 */
public record LoginFailed(@Nullable UUID userId, String attemptedEmail, String reason, ClientInfo client,
		String method) implements AuditableEvent {

	/**
	 * A failed password login.
	 * @param userId the account the attempt named, if it exists
	 * @param attemptedEmail the address entered
	 * @param reason why it failed (server side only)
	 * @param client where the attempt came from
	 */
	public LoginFailed(@Nullable UUID userId, String attemptedEmail, String reason, ClientInfo client) {
		this(userId, attemptedEmail, reason, client, "password");
	}

	@Override
	public AuditEventType auditEventType() {
		return AuditEventType.LOGIN_FAILED;
	}

	@Override
	public Map<String, Object> auditDetails() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("reason", this.reason);
		details.put("username", Texts.truncate(this.attemptedEmail, 254));
		return details;
	}

}
