package io.myuser.gdpr.export;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.myuser.account.User;
import io.myuser.account.UserAccountService;
import io.myuser.audit.AuditLog;
import io.myuser.audit.AuditLogRepository;
import io.myuser.gdpr.DataRequest;
import io.myuser.gdpr.DataRequestRepository;
import io.myuser.profile.ConsentRecord;
import io.myuser.profile.Profile;
import io.myuser.profile.ProfileService;
import io.myuser.session.UserSession;
import io.myuser.session.UserSessionRepository;
import io.myuser.social.SocialAccount;
import io.myuser.social.SocialAccountRepository;
import io.myuser.support.persistence.BaseEntity;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Limit;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Exports everything MyUser stores about a user: {@code user_info.json}, {@code profile.json},
 * {@code sessions.csv}, {@code audit_logs.jsonl}, {@code social_accounts.json}, {@code data_requests.json} and
 * {@code consent_history.csv}. Sessions and audit rows, which can be many, are read a page at a time, each page
 * in a read-only transaction of its own, and written as they are read, so memory does not grow with the history.
 * <p>
 * Extend it to add the host's own files (call {@code super.export} first), or override one of the
 * {@code write...} methods to change a file. Features that are switched off have no file.
 */
public class DefaultUserDataExporter implements UserDataExporter {

	/** The oldest possible keyset position. */
	private static final UUID FIRST_ID = new UUID(0, 0);

	private final Sources sources;

	private final TransactionTemplate readOnly;

	public DefaultUserDataExporter(Sources sources) {
		Assert.notNull(sources, "sources cannot be null");
		this.sources = sources;
		this.readOnly = new TransactionTemplate(sources.transactionManager());
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Return where the data comes from, for subclasses.
	 * @return the sources
	 */
	protected final Sources sources() {
		return this.sources;
	}

	@Override
	public void export(ExportContext context, ExportArchive archive) throws IOException {
		writeUserInfo(context, archive);
		writeProfile(context, archive);
		writeSessions(context, archive);
		writeAuditLogs(context, archive);
		writeSocialAccounts(context, archive);
		writeDataRequests(context, archive);
		writeConsentHistory(context, archive);
	}

	protected void writeUserInfo(ExportContext context, ExportArchive archive) throws IOException {
		Optional<User> found = this.sources.accounts().findById(context.userId());
		Map<String, Object> info = new LinkedHashMap<>();
		found.ifPresent((user) -> {
			info.put("id", user.getId().toString());
			info.put("email", user.getEmail());
			info.put("first_name", user.getFirstName());
			info.put("last_name", user.getLastName());
			info.put("date_joined", user.getDateJoined());
			info.put("last_login", user.getLastLogin());
			info.put("is_active", user.isActive());
			info.put("email_verified", user.isEmailVerified());
			info.put("is_staff", user.isStaff());
			info.put("has_password", user.hasUsablePassword());
		});
		archive.json("user_info.json", info);
	}

	protected void writeProfile(ExportContext context, ExportArchive archive) throws IOException {
		ProfileService profiles = this.sources.profiles();
		if (profiles == null) {
			return;
		}
		Optional<Profile> found = profiles.findStored(context.userId());
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("marketing_consent", found.map(Profile::isMarketingConsent).orElse(false));
		profile.put("marketing_consent_updated_at", found.map(Profile::getMarketingConsentUpdatedAt).orElse(null));
		profile.put("created_at", found.map(BaseEntity::getCreatedAt).orElse(null));
		profile.put("updated_at", found.map(BaseEntity::getUpdatedAt).orElse(null));
		archive.json("profile.json", profile);
	}

	protected void writeSessions(ExportContext context, ExportArchive archive) throws IOException {
		UserSessionRepository sessions = this.sources.sessions();
		if (sessions == null) {
			return;
		}
		try (ExportArchive.CsvWriter csv = archive.csv("sessions.csv", List.of("id", "created_at", "last_activity",
				"expires_at", "revoked_at", "revoke_reason", "login_method", "ip_address", "user_agent"))) {
			forEachPage(context, (after) -> sessions.findPageByUserId(context.userId(), after.time(), after.id(),
					Limit.of(context.pageSize())), UserSession::getCreatedAt, (session) -> csv.row(session.getId(),
							session.getCreatedAt(), session.getLastActivity(), session.getExpiresAt(),
							session.getRevokedAt(), session.getRevokeReason(), session.getLoginMethod(),
							session.getIpAddress(), session.getUserAgent()));
		}
	}

	protected void writeAuditLogs(ExportContext context, ExportArchive archive) throws IOException {
		AuditLogRepository auditLogs = this.sources.auditLogs();
		if (auditLogs == null) {
			return;
		}
		try (ExportArchive.JsonLinesWriter lines = archive.jsonLines("audit_logs.jsonl")) {
			forEachPage(context, (after) -> auditLogs.findPageByUserId(context.userId(), after.time(), after.id(),
					Limit.of(context.pageSize())), AuditLog::getCreatedAt, (row) -> {
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

	protected void writeSocialAccounts(ExportContext context, ExportArchive archive) throws IOException {
		SocialAccountRepository socialAccounts = this.sources.socialAccounts();
		if (socialAccounts == null) {
			return;
		}
		List<Map<String, Object>> accounts = read(() -> socialAccounts
			.findByUserIdOrderByDateJoinedDesc(context.userId())
			.stream()
			.map((account) -> {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("id", account.getId().toString());
				item.put("provider", account.getProvider());
				item.put("uid", account.getUid());
				item.put("email", account.getEmail());
				item.put("avatar_url", account.getAvatarUrl());
				item.put("profile_url", account.getProfileUrl());
				item.put("date_joined", account.getDateJoined());
				item.put("last_login", account.getLastLogin());
				return item;
			})
			.toList());
		archive.json("social_accounts.json", accounts);
	}

	protected void writeDataRequests(ExportContext context, ExportArchive archive) throws IOException {
		DataRequestRepository requests = this.sources.dataRequests();
		List<Map<String, Object>> items = read(() -> requests.findByUserIdOrderByCreatedAtDesc(context.userId())
			.stream()
			.map(DefaultUserDataExporter::dataRequest)
			.toList());
		archive.json("data_requests.json", items);
	}

	protected void writeConsentHistory(ExportContext context, ExportArchive archive) throws IOException {
		ProfileService profiles = this.sources.profiles();
		if (profiles == null) {
			return;
		}
		List<ConsentRecord> history = profiles.consentHistory(context.userId());
		try (ExportArchive.CsvWriter csv = archive.csv("consent_history.csv",
				List.of("recorded_at", "consent_type", "granted", "policy_version", "ip_address", "user_agent"))) {
			for (ConsentRecord record : history) {
				csv.row(record.getRecordedAt(), record.getConsentType(), record.isGranted(),
						record.getPolicyVersion(), record.getIpAddress(), record.getUserAgent());
			}
		}
	}

	/**
	 * Read rows page by page in keyset order, each page in a read-only transaction of its own, and hand each row
	 * to a consumer before the next page is read.
	 * @param <T> the row type
	 * @param context the export
	 * @param page reads the page after a position
	 * @param time the ordering time of a row
	 * @param consumer what to do with each row
	 * @throws IOException when the consumer fails to write
	 */
	protected final <T extends BaseEntity> void forEachPage(ExportContext context,
			Function<Position, List<T>> page, Function<T, Instant> time, RowConsumer<T> consumer)
			throws IOException {
		Position after = new Position(Instant.EPOCH.minusSeconds(1), FIRST_ID);
		while (true) {
			Position from = after;
			List<T> rows = read(() -> page.apply(from));
			for (T row : rows) {
				consumer.accept(row);
			}
			if (rows.size() < context.pageSize()) {
				return;
			}
			T last = rows.get(rows.size() - 1);
			after = new Position(time.apply(last), last.getId());
		}
	}

	/**
	 * Run a read in a read-only transaction of its own.
	 * @param <R> the result type
	 * @param read the read
	 * @return its result
	 */
	protected final <R> R read(java.util.function.Supplier<R> read) {
		R result = this.readOnly.execute((status) -> read.get());
		Assert.state(result != null, "a read returned nothing");
		return result;
	}

	private @Nullable Object details(String json) {
		try {
			return this.sources.jsonMapper().readTree(json);
		}
		catch (JacksonException ex) {
			return json;
		}
	}

	private static Map<String, Object> dataRequest(DataRequest request) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("id", request.getId().toString());
		item.put("request_type", request.getRequestType().name());
		item.put("status", request.getStatus().name());
		item.put("notes", request.getNotes());
		item.put("created_at", request.getCreatedAt());
		item.put("due_at", request.getDueAt());
		item.put("processed_at", request.getProcessedAt());
		return item;
	}

	/**
	 * A keyset position: the ordering time and id of the last row read.
	 *
	 * @param time the time
	 * @param id the id
	 */
	public record Position(Instant time, UUID id) {
	}

	/**
	 * Takes one row.
	 *
	 * @param <T> the row type
	 */
	@FunctionalInterface
	public interface RowConsumer<T> {

		void accept(T row) throws IOException;

	}

	/**
	 * Where the default exporter reads from. Features that are switched off are {@code null}.
	 *
	 * @param accounts the accounts
	 * @param profiles profiles and the consent history, if the profile feature is on
	 * @param sessions sessions, if the token feature is on
	 * @param auditLogs the audit log, if the audit feature is on
	 * @param socialAccounts connected social accounts, if the social feature is on
	 * @param dataRequests the data requests
	 * @param transactionManager runs the reads
	 * @param jsonMapper reads the audit details
	 */
	public record Sources(UserAccountService accounts, @Nullable ProfileService profiles,
			@Nullable UserSessionRepository sessions, @Nullable AuditLogRepository auditLogs,
			@Nullable SocialAccountRepository socialAccounts, DataRequestRepository dataRequests,
			PlatformTransactionManager transactionManager, JsonMapper jsonMapper) {

		public Sources {
			Assert.notNull(accounts, "accounts cannot be null");
			Assert.notNull(dataRequests, "dataRequests cannot be null");
			Assert.notNull(transactionManager, "transactionManager cannot be null");
			Assert.notNull(jsonMapper, "jsonMapper cannot be null");
		}

	}

}
