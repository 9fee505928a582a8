package io.myuser.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Limit;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Reads one account's audit trail, newest first, a page at a time: the caller's own ({@code audit-logs/}) or, for
 * staff, anyone's. Every query names the account; no query of this class reads rows of another.
 */
public class AuditLogReader {

	/** Later than any row: the upper bound when a query has none. */
	private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

	private static final UUID LAST_ID = new UUID(-1L, -1L);

	private final AuditLogRepository repository;

	private final JsonMapper jsonMapper;

	private final TransactionTemplate readOnly;

	public AuditLogReader(AuditLogRepository repository, JsonMapper jsonMapper,
			PlatformTransactionManager transactionManager) {
		Assert.notNull(repository, "repository cannot be null");
		Assert.notNull(jsonMapper, "jsonMapper cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		this.repository = repository;
		this.jsonMapper = jsonMapper;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Read a page of an account's rows.
	 * @param userId the account
	 * @param query which rows, and where the page starts
	 * @return the page
	 */
	public AuditLogPage read(UUID userId, AuditLogQuery query) {
		Assert.notNull(userId, "userId cannot be null");
		Assert.notNull(query, "query cannot be null");
		Instant from = (query.from() != null) ? query.from() : Instant.EPOCH;
		Instant to = (query.to() != null) ? query.to() : END_OF_TIME;
		AuditCursor cursor = query.cursor();
		Instant beforeTime = (cursor != null && cursor.createdAt().isBefore(to)) ? cursor.createdAt() : to;
		UUID beforeId = (cursor != null && cursor.createdAt().isBefore(to)) ? cursor.id() : LAST_ID;
		List<AuditLog> rows = this.readOnly.execute((status) -> this.repository.findNewestFirst(userId,
				query.eventTypes(), from, to, beforeTime, beforeId, Limit.of(query.size() + 1)));
		boolean more = rows.size() > query.size();
		List<AuditLogEntry> entries = new ArrayList<>(Math.min(rows.size(), query.size()));
		for (AuditLog row : rows.subList(0, Math.min(rows.size(), query.size()))) {
			entries.add(new AuditLogEntry(row.getId(), row.getEventType(), row.getCreatedAt(), row.getIpAddress(),
					row.getUserAgent(), details(row.getDetails())));
		}
		AuditLogEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
		return new AuditLogPage(entries, (more && last != null) ? new AuditCursor(last.createdAt(), last.id()) : null);
	}

	private JsonNode details(@Nullable String details) {
		try {
			return this.jsonMapper.readTree((details != null && !details.isEmpty()) ? details : "{}");
		}
		catch (JacksonException ex) {
			// Rows are written as JSON by MyUser's writer; a host's writer may have stored something else.
			return this.jsonMapper.createObjectNode().put("unreadable", true);
		}
	}

}
