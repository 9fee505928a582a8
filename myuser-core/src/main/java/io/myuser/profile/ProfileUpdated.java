package io.myuser.profile;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditableEvent;
import io.myuser.support.ClientInfo;
import org.jspecify.annotations.Nullable;

/**
 * Published when a profile write changed something; audited as {@code PROFILE_UPDATE}. The details name the
 * changed fields and, for the marketing consent, its old and new value (names themselves are not copied into the
 * audit trail).
 *
 * @param userId the user
 * @param changedFields the JSON names of the fields that changed
 * @param consentBefore the marketing consent before, when it changed
 * @param consentAfter the marketing consent after, when it changed
 * @param client who changed it
 */
public record ProfileUpdated(UUID userId, List<String> changedFields, @Nullable Boolean consentBefore,
		@Nullable Boolean consentAfter, ClientInfo client) implements AuditableEvent {

	@Override
	public AuditEventType auditEventType() {
		return AuditEventType.PROFILE_UPDATE;
	}

	@Override
	public Map<String, Object> auditDetails() {
		if (this.consentAfter == null) {
			return Map.of("changed", this.changedFields);
		}
		return Map.of("changed", this.changedFields, "marketing_consent",
				Map.of("old", Boolean.TRUE.equals(this.consentBefore), "new", this.consentAfter));
	}

}
