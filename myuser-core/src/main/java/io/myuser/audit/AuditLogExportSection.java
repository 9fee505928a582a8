package io.myuser.audit;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.myuser.personaldata.ExportArchive;
import io.myuser.personaldata.ExportContext;
import io.myuser.personaldata.ExportSection;
import io.myuser.personaldata.PersonalDataOrder;
import io.myuser.personaldata.PersonalDataReader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.data.domain.Limit;
import org.springframework.util.Assert;

/**
 * The audit log's part of an export: {@code audit_logs.jsonl}, one line per row of the account, read a page at a
 * time, with each row's details as JSON.
 */
public class AuditLogExportSection implements ExportSection, Ordered {

	private final AuditLogRepository auditLogs;

	private final PersonalDataReader reader;

	private final JsonMapper jsonMapper;

	public AuditLogExportSection(AuditLogRepository auditLogs, PersonalDataReader reader, JsonMapper jsonMapper) {
		Assert.notNull(auditLogs, "auditLogs cannot be null");
		Assert.notNull(reader, "reader cannot be null");
		Assert.notNull(jsonMapper, "jsonMapper cannot be null");
		this.auditLogs = auditLogs;
		this.reader = reader;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public void write(ExportContext context, ExportArchive archive) throws IOException {
		try (ExportArchive.JsonLinesWriter lines = archive.jsonLines("audit_logs.jsonl")) {
			this.reader.forEachPage(context.pageSize(),
					(after) -> this.auditLogs.findPageByUserId(context.userId(), after.time(), after.id(),
							Limit.of(context.pageSize())),
					(row) -> new PersonalDataReader.Position(row.getCreatedAt(), row.getId()), (row) -> {
						Map<String, Object> line = new LinkedHashMap<>();
						line.put("id", row.getId().toString());
						line.put("created_at", row.getCreatedAt());
						line.put("event_type", row.getEventType().name());
						line.put("ip_address", row.getIpAddress());
						line.put("user_agent", row.getUserAgent());
						line.put("details", details(row.getDetails()));
						lines.write(line);
					});
		}
	}

	@Override
	public int getOrder() {
		return PersonalDataOrder.AUDIT;
	}

	private Object details(String json) {
		try {
			return this.jsonMapper.readTree(json);
		}
		catch (JacksonException ex) {
			return json;
		}
	}

}
