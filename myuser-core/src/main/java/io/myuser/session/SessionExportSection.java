package io.myuser.session;

import java.io.IOException;
import java.util.List;

import io.myuser.personaldata.ExportArchive;
import io.myuser.personaldata.ExportContext;
import io.myuser.personaldata.ExportSection;
import io.myuser.personaldata.PersonalDataOrder;
import io.myuser.personaldata.PersonalDataReader;

import org.springframework.core.Ordered;
import org.springframework.data.domain.Limit;
import org.springframework.util.Assert;

/**
 * The sessions' part of an export: {@code sessions.csv}, every session the account ever had, read a page at a
 * time.
 */
public class SessionExportSection implements ExportSection, Ordered {

	private final UserSessionRepository sessions;

	private final PersonalDataReader reader;

	public SessionExportSection(UserSessionRepository sessions, PersonalDataReader reader) {
		Assert.notNull(sessions, "sessions cannot be null");
		Assert.notNull(reader, "reader cannot be null");
		this.sessions = sessions;
		this.reader = reader;
	}

	@Override
	public void write(ExportContext context, ExportArchive archive) throws IOException {
		try (ExportArchive.CsvWriter csv = archive.csv("sessions.csv", List.of("id", "created_at", "last_activity",
				"expires_at", "revoked_at", "revoke_reason", "login_method", "ip_address", "user_agent"))) {
			this.reader.forEachPage(context.pageSize(),
					(after) -> this.sessions.findPageByUserId(context.userId(), after.time(), after.id(),
							Limit.of(context.pageSize())),
					(session) -> new PersonalDataReader.Position(session.getCreatedAt(), session.getId()),
					(session) -> csv.row(session.getId(), session.getCreatedAt(), session.getLastActivity(),
							session.getExpiresAt(), session.getRevokedAt(), session.getRevokeReason(),
							session.getLoginMethod(), session.getIpAddress(), session.getUserAgent()));
		}
	}

	@Override
	public int getOrder() {
		return PersonalDataOrder.SESSIONS;
	}

}
