package io.myuser.sample.audit;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditLogWriter;
import io.myuser.sample.social.SocialTestSupport;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.Mailbox;
import io.myuser.support.ClientInfo;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit trail end to end: every event type is written by the path that {@code docs/audit.md} names for it
 * (one account walks through registration, verification, a failed and a good login, a profile change, a
 * refresh-token reuse, a password change, a logout, a reset, a provider connected and disconnected, an export and
 * a deletion request, an administrator looking at it, and its erasure), and {@code GET audit-logs/} shows the caller
 * their own rows, newest first, a page at a time by cursor, filtered by type and time range, and never anyone
 * else's; bad parameters are 400 with the parameter named.
 */
abstract class AuditLogApiTests extends SocialTestSupport {

	private static final String PASSWORD = "a long and unusual passphrase";

	private static final String NEW_PASSWORD = "another long unusual passphrase";

	private static final String RESET_PASSWORD = "a third long unusual passphrase";

	@Autowired
	private AuditLogWriter writer;

	@Test
	void every_event_type_is_written_by_its_path_and_the_owner_reads_them_all_newest_first_by_cursor()
			throws Exception {
		String email = uniqueEmail();
		assertThat(postJson(BASE + "/registration/", json(Map.of("email", email, "password1", PASSWORD, "password2",
				PASSWORD, "first_name", "Audrey", "last_name", "Trail"))).status()).isEqualTo(201);
		String key = Mailbox.key(mail(email, "Confirm your email"));
		assertThat(postJson(BASE + "/registration/verify-email/", json(Map.of("key", key))).status()).isEqualTo(200);
		assertThat(login(email, "not the passphrase at all").status()).isEqualTo(401);
		HttpResult first = login(email, PASSWORD);
		HttpResult second = login(email, PASSWORD);
		String access = first.json().get("access").asString();
		assertThat(send(HttpRequest.newBuilder(uri(BASE + "/profile/"))
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json(Map.of("marketing_consent", true)))),
				"Authorization", "Bearer " + access).status()).isEqualTo(200);
		String secondRefresh = second.json().get("refresh").asString();
		assertThat(refresh(secondRefresh).status()).isEqualTo(200);
		assertThat(postJson(BASE + "/token/refresh/", json(Map.of("refresh", secondRefresh)), "User-Agent",
				"AnotherClient/1.0").status()).as("a rotated refresh token used again, by another client")
			.isEqualTo(401);
		assertThat(postJson(BASE + "/password/change/", json(Map.of("old_password", PASSWORD, "new_password1",
				NEW_PASSWORD, "new_password2", NEW_PASSWORD)), "Authorization", "Bearer " + access).status())
			.isEqualTo(200);
		assertThat(postJson(BASE + "/logout/", json(Map.of("refresh", first.json().get("refresh").asString())),
				"Authorization", "Bearer " + access).status()).isEqualTo(205);
		assertThat(postJson(BASE + "/password/reset/", json(Map.of("email", email))).status()).isEqualTo(200);
		String token = Mailbox.key(mail(email, "Reset your"));
		assertThat(postJson(BASE + "/password/reset/confirm/", json(Map.of("token", token, "new_password1",
				RESET_PASSWORD, "new_password2", RESET_PASSWORD))).status()).isEqualTo(200);
		String again = accessToken(email, RESET_PASSWORD);
		String gitHubToken = "gh-token-" + uid();
		gitHubUser(gitHubToken, Long.parseLong(uid()), "audrey-" + uid(), email, true);
		assertThat(connect("github", again, body("access_token", gitHubToken)).status()).isEqualTo(200);
		assertThat(send(HttpRequest.newBuilder(uri(BASE + "/social/accounts/github/disconnect/"))
			.DELETE(), "Authorization", "Bearer " + again).status()).isEqualTo(200);
		assertThat(postJson(BASE + "/data-requests/", json(Map.of("request_type", "EXPORT")), "Authorization",
				"Bearer " + again).status()).isEqualTo(201);
		HttpResult deletion = postJson(BASE + "/data-requests/", json(Map.of("request_type", "DELETE", "password",
				RESET_PASSWORD)), "Authorization", "Bearer " + again);
		assertThat(deletion.status()).as(deletion.body()).isEqualTo(201);
		UUID userId = userIdOf(email);
		String adminEmail = uniqueEmail();
		createStaff(adminEmail, PASSWORD);
		HttpResult viewed = getWithToken(BASE + "/admin/users/" + userId + "/", accessToken(adminEmail, PASSWORD));
		assertThat(viewed.status()).as(viewed.body()).isEqualTo(200);

		Set<AuditEventType> beforeErasure = EnumSet.complementOf(EnumSet.of(AuditEventType.ACCOUNT_DELETED));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(typesInDatabase(userId)).containsAll(beforeErasure));
		List<JsonNode> read = readAll(again, "size=3");
		assertThat(read).hasSize((int) count("select count(*) from myuser_audit_log where user_id = ?", userId));
		assertThat(read.stream().map((row) -> AuditEventType.valueOf(row.get("event_type").asString())))
			.containsAll(beforeErasure);
		assertThat(read.stream().map((row) -> row.get("id").asString()).distinct()).hasSameSizeAs(read);
		for (int i = 1; i < read.size(); i++) {
			assertThat(Instant.parse(read.get(i).get("created_at").asString()))
				.as("newest first").isBeforeOrEqualTo(Instant.parse(read.get(i - 1).get("created_at").asString()));
		}
		JsonNode failed = read.stream()
			.filter((row) -> row.get("event_type").asString().equals("LOGIN_FAILED"))
			.findFirst()
			.orElseThrow();
		assertThat(failed.get("ip_address").asString()).isEqualTo("127.0.0.1");
		assertThat(failed.get("details").isObject()).isTrue();

		this.clock.advance(Duration.between(this.clock.instant(),
				Instant.parse(deletion.json().get("scheduled_for").asString())).plusSeconds(1));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(typesInDatabase(userId)).contains(AuditEventType.ACCOUNT_DELETED));
		assertThat(typesInDatabase(userId)).containsExactlyInAnyOrder(AuditEventType.values());
	}

	@Test
	void pages_follow_each_other_without_gap_or_overlap_and_the_last_has_no_next() {
		Caller caller = caller();
		for (int i = 0; i < 6; i++) {
			this.writer.write(caller.id(), AuditEventType.PROFILE_UPDATE, ClientInfo.NONE, Map.of("n", i));
		}
		long rows = count("select count(*) from myuser_audit_log where user_id = ?", caller.id());

		HttpResult page = get(caller, "/audit-logs/?size=4");

		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.json().get("paging").asString()).isEqualTo("cursor");
		assertThat(page.json().get("size").asInt()).isEqualTo(4);
		assertThat(page.json().get("results")).hasSize(4);
		String next = page.json().get("next").asString();
		assertThat(next).startsWith(BASE + "/audit-logs/?").contains("size=4").contains("cursor=");
		assertThat(next).contains("cursor=" + page.json().get("next_cursor").asString());
		List<JsonNode> all = readAll(caller.access(), "size=4");
		assertThat(all).hasSize((int) rows);
		HttpResult last = get(caller, "/audit-logs/?size=" + rows);
		assertThat(last.json().get("results")).hasSize((int) rows);
		assertThat(last.json().get("next").isNull()).isTrue();
		assertThat(last.json().get("next_cursor").isNull()).isTrue();
		assertThat(get(caller, "/audit-logs/").json().get("size").asInt()).as("the default size").isEqualTo(20);
	}

	@Test
	void rows_written_while_a_reader_pages_do_not_shift_the_pages() {
		Caller caller = caller();
		for (int i = 0; i < 4; i++) {
			this.writer.write(caller.id(), AuditEventType.PROFILE_UPDATE, ClientInfo.NONE, Map.of("n", i));
		}
		List<String> before = ids(readAll(caller.access(), "size=100"));
		HttpResult first = get(caller, "/audit-logs/?size=2");

		this.writer.write(caller.id(), AuditEventType.PROFILE_UPDATE, ClientInfo.NONE, Map.of("n", "late"));
		List<String> rest = new ArrayList<>(ids(first.json().get("results")));
		rest.addAll(ids(followFrom(caller.access(), first.json().get("next").asString())));

		assertThat(rest).as("the pages read after a newer row was written").containsExactlyElementsOf(before);
	}

	@Test
	void event_type_and_time_range_filter_the_rows_and_the_next_link_keeps_the_filters() {
		Caller caller = caller();
		for (int i = 0; i < 3; i++) {
			this.writer.write(caller.id(), AuditEventType.PROFILE_UPDATE, ClientInfo.NONE, Map.of("n", i));
		}
		this.clock.advance(Duration.ofMinutes(1));
		Instant middle = this.clock.instant();
		this.clock.advance(Duration.ofMinutes(1));
		for (int i = 0; i < 3; i++) {
			this.writer.write(caller.id(), AuditEventType.PROFILE_UPDATE, ClientInfo.NONE, Map.of("n", 10 + i));
			this.writer.write(caller.id(), AuditEventType.PASSWORD_CHANGE, ClientInfo.NONE, Map.of());
		}

		List<JsonNode> updates = readAll(caller.access(), "event_type=profile_update&size=2");
		List<JsonNode> later = readAll(caller.access(), "event_type=PROFILE_UPDATE&from=" + encode(middle) + "&size=2");
		List<JsonNode> earlier = readAll(caller.access(), "to=" + encode(middle));
		List<JsonNode> both = readAll(caller.access(), "event_type=PROFILE_UPDATE,PASSWORD_CHANGE&from="
				+ encode(middle) + "&to=" + encode(this.clock.instant().plusSeconds(1)));
		HttpResult firstPage = get(caller, "/audit-logs/?event_type=PROFILE_UPDATE&from=" + encode(middle) + "&size=2");

		assertThat(updates).hasSize(6).allMatch((row) -> row.get("event_type").asString().equals("PROFILE_UPDATE"));
		assertThat(later).extracting((row) -> row.get("details").get("n").asInt()).containsExactly(12, 11, 10);
		assertThat(earlier).allMatch((row) -> Instant.parse(row.get("created_at").asString()).isBefore(middle));
		assertThat(earlier).filteredOn((row) -> row.get("event_type").asString().equals("PROFILE_UPDATE"))
			.extracting((row) -> row.get("details").get("n").asInt())
			.containsExactly(2, 1, 0);
		assertThat(both).hasSize(6);
		String next = firstPage.json().get("next").asString();
		assertThat(next).contains("event_type=PROFILE_UPDATE").contains("from=").contains("size=2");
	}

	@Test
	void a_caller_sees_only_their_own_rows_whatever_they_ask() {
		Caller owner = caller();
		Caller other = caller();
		this.writer.write(owner.id(), AuditEventType.PROFILE_UPDATE, ClientInfo.NONE, Map.of("secret", "owner's"));
		HttpResult ownersPage = get(owner, "/audit-logs/?size=1");
		String ownersCursor = ownersPage.json().get("next_cursor").asString();

		List<JsonNode> seen = readAll(other.access(), "size=100");
		HttpResult withOwnersCursor = get(other, "/audit-logs/?cursor=" + ownersCursor + "&user_id=" + owner.id());

		assertThat(seen).isNotEmpty();
		assertThat(count("select count(*) from myuser_audit_log where user_id = ?", other.id())).isEqualTo(seen.size());
		assertThat(seen.toString()).doesNotContain("owner's");
		assertThat(withOwnersCursor.status()).isEqualTo(200);
		assertThat(withOwnersCursor.body()).doesNotContain("owner's").doesNotContain(owner.id().toString());
		assertThat(get(BASE + "/audit-logs/").status()).as("without a token").isEqualTo(401);
	}

	@Test
	void bad_parameters_are_400_naming_each_parameter_and_never_500() {
		Caller caller = caller();
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("size=0", "size");
		cases.put("size=101", "size");
		cases.put("size=-1", "size");
		cases.put("size=ten", "size");
		cases.put("size=99999999999999999999", "size");
		cases.put("size=1&size=2", "size");
		cases.put("event_type=LOGGED_IN", "event_type");
		cases.put("event_type=LOGIN,", "event_type");
		cases.put("event_type=" + "A".repeat(2000), "event_type");
		cases.put("from=yesterday", "from");
		cases.put("from=2026-13-01T00:00:00Z", "from");
		cases.put("to=2026-01-01", "to");
		cases.put("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to");
		cases.put("from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to");
		cases.put("cursor=abc", "cursor");
		cases.put("cursor=" + "A".repeat(33), "cursor");
		cases.put("cursor=" + "_".repeat(32), "cursor");
		cases.put("cursor=%00%01", "cursor");
		cases.put("cursor=////////////////////////////////", "cursor");
		cases.put("page=2", "page");
		for (Map.Entry<String, String> entry : cases.entrySet()) {
			HttpResult result = get(caller, "/audit-logs/?" + entry.getKey());
			assertThat(result.status()).as("%s: %s", entry.getKey(), result.body()).isEqualTo(400);
			assertThat(result.isProblem()).as(entry.getKey()).isTrue();
			assertThat(result.json().get("errors").has(entry.getValue())).as("%s: %s", entry.getKey(), result.body())
				.isTrue();
		}
		HttpResult several = get(caller, "/audit-logs/?size=0&from=x&event_type=NOPE");
		assertThat(several.json().get("errors").propertyNames()).contains("size", "from", "event_type");
	}

	private Caller caller() {
		String email = uniqueEmail();
		UUID id = createUser(email, PASSWORD).getId();
		return new Caller(id, accessToken(email, PASSWORD));
	}

	private HttpResult get(Caller caller, String pathAndQuery) {
		return get(BASE + pathAndQuery, "Authorization", "Bearer " + caller.access());
	}

	/** Every row the caller can read with a query, following the next links. */
	private List<JsonNode> readAll(String access, String query) {
		HttpResult page = get(BASE + "/audit-logs/?" + query, "Authorization", "Bearer " + access);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		List<JsonNode> rows = new ArrayList<>();
		page.json().get("results").forEach(rows::add);
		if (!page.json().get("next").isNull()) {
			rows.addAll(followFrom(access, page.json().get("next").asString()));
		}
		return rows;
	}

	private List<JsonNode> followFrom(String access, String next) {
		List<JsonNode> rows = new ArrayList<>();
		String link = next;
		for (int pages = 0; link != null; pages++) {
			assertThat(pages).as("pages").isLessThan(100);
			HttpResult page = get(link, "Authorization", "Bearer " + access);
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			page.json().get("results").forEach(rows::add);
			link = page.json().get("next").isNull() ? null : page.json().get("next").asString();
		}
		return rows;
	}

	private static List<String> ids(Iterable<JsonNode> rows) {
		List<String> ids = new ArrayList<>();
		rows.forEach((row) -> ids.add(row.get("id").asString()));
		return ids;
	}

	private Set<AuditEventType> typesInDatabase(UUID userId) {
		Set<AuditEventType> types = EnumSet.noneOf(AuditEventType.class);
		this.jdbc.queryForList("select distinct event_type from myuser_audit_log where user_id = ?", String.class,
				userId).forEach((type) -> types.add(AuditEventType.valueOf(type)));
		return types;
	}

	private MimeMessage mail(String email, String subjectStart) {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(find(email, subjectStart)).as("'%s' among %s", subjectStart,
					subjects(email)).isNotNull());
		return find(email, subjectStart);
	}

	private List<String> subjects(String email) {
		List<String> subjects = new ArrayList<>();
		for (MimeMessage message : this.mailbox.mailTo(email)) {
			try {
				subjects.add(message.getSubject());
			}
			catch (MessagingException ex) {
				subjects.add(ex.toString());
			}
		}
		return subjects;
	}

	private MimeMessage find(String email, String subjectStart) {
		for (MimeMessage message : this.mailbox.mailTo(email)) {
			try {
				if (message.getSubject().startsWith(subjectStart)) {
					return message;
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return null;
	}

	private static String encode(Instant instant) {
		return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
	}

	/** A logged-in user. */
	record Caller(UUID id, String access) {
	}

}
