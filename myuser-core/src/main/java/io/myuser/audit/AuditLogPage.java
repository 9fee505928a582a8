package io.myuser.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One page of the audit trail, newest first.
 *
 * @param entries the rows
 * @param next where the next (older) page starts, or {@code null} when this is the last
 */
public record AuditLogPage(List<AuditLogEntry> entries, @Nullable AuditCursor next) {

	public AuditLogPage {
		Assert.notNull(entries, "entries cannot be null");
		entries = List.copyOf(entries);
	}

}
