package io.myuser.sample.admin;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.myuser.account.NewUser;
import io.myuser.sample.social.SocialTestSupport;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.Mailbox;
import io.myuser.support.ClientInfo;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The administration API over HTTP: only a caller whose token has the admin authority and whose account is active
 * staff right now reaches {@code admin/} (others 403, no token 401); staff search accounts by the start of their
 * address a page at a time, see one account with its sessions, identities and open data requests, deactivate and
 * reactivate it (its sessions end at once), end its sessions, send its verification mail again and read its audit
 * trail; every action leaves an {@code ADMIN_ACTION} row naming the acting admin; bad input is 400 and unknown ids
 * 404, never 500.
 */
abstract class AdminApiTests extends SocialTestSupport {

	private static final String PASSWORD = "a long and unusual passphrase";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void only_active_staff_reach_the_admin_routes_and_others_get_403_or_401() {
		Caller admin = admin();
		Caller user = user();
		List<String[]> routes = routes(user.id());

		for (String[] route : routes) {
			HttpResult refused = call(user, route[0], route[1]);
			assertThat(refused.status()).as("%s %s as a user: %s", route[0], route[1], refused.body()).isEqualTo(403);
			assertThat(refused.isProblem()).isTrue();
			HttpResult anonymous = send(request(route[0], route[1]));
			assertThat(anonymous.status()).as("%s %s without a token", route[0], route[1]).isEqualTo(401);
			assertThat(anonymous.isProblem()).isTrue();
		}
		assertThat(call(admin, "GET", "/admin/users/" + user.id() + "/").status()).isEqualTo(200);

		// The token keeps its authority until it expires, but the account's row says it is staff no more.
		this.accounts.setStaff(admin.id(), false);
		for (String[] route : routes) {
			HttpResult demoted = call(admin, route[0], route[1]);
			assertThat(demoted.status()).as("%s %s demoted: %s", route[0], route[1], demoted.body()).isEqualTo(403);
			assertThat(demoted.json().get("type").asString()).endsWith("admin-not-staff");
		}
		assertThat(count("select count(*) from myuser_user where id = ? and active", user.id()))
			.as("nothing a refused call asked for happened").isEqualTo(1);
	}

	@Test
	void accounts_are_found_by_the_start_of_their_address_a_page_at_a_time() {
		Caller admin = admin();
		String tag = "find" + uid();
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String email = tag + "-" + i + "@example.com";
			createUser(email, PASSWORD);
			addresses.add(email);
		}
		createUser(tag + "_x@example.com", PASSWORD);
		createUser("other-" + tag + "@example.com", PASSWORD);
		UUID gone = createUser(tag + "-9@example.com", PASSWORD).getId();
		this.accounts.softDelete(gone);

		HttpResult first = call(admin, "GET", "/admin/users/?email=" + tag.toUpperCase() + "-&size=2");
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("paging").asString()).isEqualTo("page");
		assertThat(first.json().get("count").asLong()).as("deleted accounts and other prefixes left out").isEqualTo(5);
		assertThat(first.json().get("page").asInt()).isEqualTo(1);
		assertThat(first.json().get("previous").isNull()).isTrue();
		List<String> found = new ArrayList<>(emails(first.json().get("results")));
		String next = first.json().get("next").asString();
		assertThat(next).startsWith(BASE + "/admin/users/?").contains("page=2").contains("size=2");
		for (int pages = 0; next != null; pages++) {
			assertThat(pages).isLessThan(5);
			HttpResult page = get(next, "Authorization", "Bearer " + admin.access());
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			assertThat(page.json().get("previous").isNull()).isFalse();
			found.addAll(emails(page.json().get("results")));
			next = page.json().get("next").isNull() ? null : page.json().get("next").asString();
		}
		assertThat(found).as("in address order, each once").containsExactlyElementsOf(addresses);

		JsonNode row = first.json().get("results").get(0);
		assertThat(row.get("is_active").asBoolean()).isTrue();
		assertThat(row.get("is_staff").asBoolean()).isFalse();
		assertThat(row.get("email_verified").asBoolean()).isTrue();
		assertThat(row.get("has_password").asBoolean()).isTrue();
		assertThat(row.has("date_joined")).isTrue();
		assertThat(row.toString()).doesNotContain("argon2").doesNotContain("password_hash");

		HttpResult underscore = call(admin, "GET", "/admin/users/?email=" + tag + "_");
		assertThat(emails(underscore.json().get("results"))).as("_ matched as itself")
			.containsExactly(tag + "_x@example.com");
		assertThat(call(admin, "GET", "/admin/users/?email=" + tag + "%25").json().get("count").asLong())
			.as("%% matched as itself").isZero();
		assertThat(call(admin, "GET", "/admin/users/?email=" + tag + "-&page=99").json().get("results")).isEmpty();
		assertThat(auditRows(admin.id(), "search_users")).as("searches are on the admin's own trail").isGreaterThan(0);
	}

	@Test
	void one_account_shows_its_sessions_identities_and_open_data_requests() {
		Caller admin = admin();
		Caller user = user();
		login(user.email(), PASSWORD);
		String gitHubToken = "gh-token-" + uid();
		gitHubUser(gitHubToken, Long.parseLong(uid()), "octo-" + uid(), user.email(), true);
		assertThat(connect("github", user.access(), body("access_token", gitHubToken)).status()).isEqualTo(200);
		HttpResult deletion = postJson(BASE + "/data-requests/", json(Map.of("request_type", "DELETE", "password",
				PASSWORD)), "Authorization", "Bearer " + user.access());
		assertThat(deletion.status()).as(deletion.body()).isEqualTo(201);

		HttpResult shown = call(admin, "GET", "/admin/users/" + user.id() + "/");

		assertThat(shown.status()).as(shown.body()).isEqualTo(200);
		JsonNode body = shown.json();
		assertThat(body.get("account").get("id").asString()).isEqualTo(user.id().toString());
		assertThat(body.get("account").get("email").asString()).isEqualTo(user.email());
		assertThat(body.get("sessions")).hasSize(2);
		assertThat(body.get("sessions").get(0).get("current").asBoolean()).isFalse();
		assertThat(body.get("social_accounts")).hasSize(1);
		assertThat(body.get("social_accounts").get(0).get("provider").asString()).isEqualTo("github");
		assertThat(body.get("data_requests")).hasSize(1);
		assertThat(body.get("data_requests").get(0).get("request_type").asString()).isEqualTo("DELETE");
		assertThat(body.toString()).doesNotContain("refresh").doesNotContain("hash");
		assertThat(adminRow(user.id(), "view_user").get("admin_id").asString()).isEqualTo(admin.id().toString());

		assertThat(call(admin, "GET", "/admin/users/" + user.id().toString().toUpperCase() + "/").status())
			.as("the same id in capitals").isEqualTo(200);
		for (String id : List.of(UUID.randomUUID().toString(), "not-an-id", user.id().toString().substring(1),
				"%00", "1".repeat(300))) {
			HttpResult unknown = call(admin, "GET", "/admin/users/" + id + "/");
			assertThat(unknown.status()).as("%s: %s", id, unknown.body()).isIn(400, 404);
			assertThat(unknown.isProblem()).isTrue();
		}
	}

	@Test
	void deactivation_ends_the_sessions_at_once_and_reactivation_lets_the_account_log_in_again() {
		Caller admin = admin();
		Caller user = user();
		HttpResult other = login(user.email(), PASSWORD);
		String refresh = other.json().get("refresh").asString();
		assertThat(getWithToken(BASE + "/profile/", user.access()).status()).isEqualTo(200);

		HttpResult deactivated = call(admin, "POST", "/admin/users/" + user.id() + "/deactivate/");

		assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
		assertThat(deactivated.json().get("is_active").asBoolean()).isFalse();
		assertThat(getWithToken(BASE + "/profile/", user.access()).status()).as("the access token").isEqualTo(401);
		assertThat(refresh(refresh).status()).as("the refresh token").isEqualTo(401);
		assertThat(login(user.email(), PASSWORD).status()).isEqualTo(401);
		assertThat(count("select count(*) from myuser_user_session where user_id = ? and revoked_at is null",
				user.id())).isZero();
		assertThat(call(admin, "POST", "/admin/users/" + user.id() + "/deactivate/").status())
			.as("a second deactivation changes nothing and is no error").isEqualTo(200);

		HttpResult reactivated = call(admin, "POST", "/admin/users/" + user.id() + "/reactivate/");

		assertThat(reactivated.status()).as(reactivated.body()).isEqualTo(200);
		assertThat(reactivated.json().get("is_active").asBoolean()).isTrue();
		assertThat(login(user.email(), PASSWORD).status()).isEqualTo(200);
		assertThat(refresh(refresh).status()).as("ended sessions stay ended").isEqualTo(401);
		assertThat(adminActions(user.id())).containsExactlyInAnyOrder("deactivate", "deactivate", "reactivate");
		assertThat(adminRow(user.id(), "reactivate").get("admin_id").asString()).isEqualTo(admin.id().toString());
		assertThat(auditRowsOfType(user.id(), "LOGOUT")).isGreaterThan(0);

		HttpResult self = call(admin, "POST", "/admin/users/" + admin.id() + "/deactivate/");
		assertThat(self.status()).as(self.body()).isEqualTo(409);
		assertThat(self.json().get("type").asString()).endsWith("admin-own-account");
		assertThat(call(admin, "POST", "/admin/users/" + UUID.randomUUID() + "/deactivate/").status()).isEqualTo(404);
		assertThat(call(admin, "POST", "/admin/users/" + UUID.randomUUID() + "/reactivate/").status()).isEqualTo(404);
	}

	@Test
	void ending_an_accounts_sessions_stops_every_token_it_holds() {
		Caller admin = admin();
		Caller user = user();
		String refresh = login(user.email(), PASSWORD).json().get("refresh").asString();

		HttpResult ended = call(admin, "DELETE", "/admin/users/" + user.id() + "/sessions/");

		assertThat(ended.status()).as(ended.body()).isEqualTo(200);
		assertThat(ended.json().get("ended").asInt()).isEqualTo(2);
		assertThat(getWithToken(BASE + "/profile/", user.access()).status()).isEqualTo(401);
		assertThat(refresh(refresh).status()).isEqualTo(401);
		assertThat(login(user.email(), PASSWORD).status()).as("the account itself stays active").isEqualTo(200);
		assertThat(call(admin, "DELETE", "/admin/users/" + user.id() + "/sessions/").json().get("ended").asInt())
			.isEqualTo(1);
		assertThat(adminActions(user.id())).containsExactly("end_sessions", "end_sessions");
		assertThat(adminRows(user.id())).allSatisfy((details) -> {
			assertThat(details.get("admin_id").asString()).isEqualTo(admin.id().toString());
			assertThat(details.has("sessions_ended")).isTrue();
		});
		assertThat(call(admin, "DELETE", "/admin/users/" + UUID.randomUUID() + "/sessions/").status()).isEqualTo(404);
	}

	@Test
	void the_verification_mail_goes_again_to_an_unverified_account_once_a_minute() {
		Caller admin = admin();
		String email = uniqueEmail();
		UUID unverified = this.accounts.createUser(new NewUser(email, PASSWORD, "Una", "Verified", false, false),
				ClientInfo.NONE).getId();

		HttpResult sent = call(admin, "POST", "/admin/users/" + unverified + "/verification-email/");

		assertThat(sent.status()).as(sent.body()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.mailbox.mailTo(email), (mails) -> !mails.isEmpty());
		HttpResult again = call(admin, "POST", "/admin/users/" + unverified + "/verification-email/");
		assertThat(again.status()).as(again.body()).isEqualTo(429);
		assertThat(again.header("Retry-After")).isEqualTo("60");
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(call(admin, "POST", "/admin/users/" + unverified + "/verification-email/").status()).isEqualTo(202);
		List<MimeMessage> mails = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.mailbox.mailTo(email), (sentSoFar) -> sentSoFar.size() == 2);
		String key = Mailbox.key(mails.get(1));
		assertThat(postJson(BASE + "/registration/verify-email/", json(Map.of("key", key))).status())
			.as("the link the admin sent works").isEqualTo(200);

		HttpResult verified = call(admin, "POST", "/admin/users/" + unverified + "/verification-email/");
		assertThat(verified.status()).isEqualTo(409);
		assertThat(verified.json().get("type").asString()).endsWith("email-already-verified");
		String inactiveEmail = uniqueEmail();
		UUID inactive = this.accounts.createUser(new NewUser(inactiveEmail, PASSWORD, "", "", false, false),
				ClientInfo.NONE).getId();
		this.accounts.setActive(inactive, false);
		assertThat(call(admin, "POST", "/admin/users/" + inactive + "/verification-email/").status()).isEqualTo(409);
		assertThat(call(admin, "POST", "/admin/users/" + UUID.randomUUID() + "/verification-email/").status())
			.isEqualTo(404);
		assertThat(adminActions(unverified)).containsOnly("resend_verification");
	}

	@Test
	void an_accounts_audit_trail_is_read_with_the_filters_of_audit_logs() {
		Caller admin = admin();
		Caller user = user();
		assertThat(login(user.email(), "not the passphrase at all").status()).isEqualTo(401);

		HttpResult all = call(admin, "GET", "/admin/users/" + user.id() + "/audit-logs/?size=1");
		HttpResult failures = call(admin, "GET", "/admin/users/" + user.id() + "/audit-logs/?event_type=LOGIN_FAILED");

		assertThat(all.status()).as(all.body()).isEqualTo(200);
		assertThat(all.json().get("paging").asString()).isEqualTo("cursor");
		assertThat(all.json().get("next").asString()).startsWith(BASE + "/admin/users/" + user.id() + "/audit-logs/?");
		assertThat(failures.json().get("results")).hasSize(1);
		assertThat(failures.json().get("results").get(0).get("event_type").asString()).isEqualTo("LOGIN_FAILED");
		assertThat(call(admin, "GET", "/audit-logs/").body()).as("the admin's own trail is apart")
			.doesNotContain(user.id().toString());
		assertThat(adminActions(user.id())).contains("read_audit_log");
		for (String query : List.of("size=0", "event_type=NOPE", "from=yesterday", "cursor=abc", "page=2")) {
			HttpResult bad = call(admin, "GET", "/admin/users/" + user.id() + "/audit-logs/?" + query);
			assertThat(bad.status()).as("%s: %s", query, bad.body()).isEqualTo(400);
			assertThat(bad.isProblem()).isTrue();
		}
	}

	@Test
	void bad_search_parameters_are_400_naming_each_parameter() {
		Caller admin = admin();
		for (String query : List.of("size=0", "size=101", "size=x", "page=0", "page=-1", "page=10001", "page=two",
				"email=" + "a".repeat(255), "email=a%00b", "email=%7F")) {
			HttpResult bad = call(admin, "GET", "/admin/users/?" + query);
			assertThat(bad.status()).as("%s: %s", query, bad.body()).isEqualTo(400);
			assertThat(bad.isProblem()).isTrue();
			String name = query.substring(0, query.indexOf('='));
			assertThat(bad.json().get("errors").has(name)).as("%s: %s", query, bad.body()).isTrue();
		}
		HttpResult several = call(admin, "GET", "/admin/users/?size=0&page=0");
		assertThat(several.json().get("errors").propertyNames()).contains("size", "page");
		assertThat(call(admin, "GET", "/admin/users/?email=" + URLEncoder.encode("zoë ", StandardCharsets.UTF_8))
			.status()).as("odd but printable text is a prefix like any other").isEqualTo(200);
	}

	private List<String[]> routes(UUID userId) {
		String user = "/admin/users/" + userId;
		return List.of(new String[] { "GET", "/admin/users/" }, new String[] { "GET", user + "/" },
				new String[] { "POST", user + "/deactivate/" }, new String[] { "POST", user + "/reactivate/" },
				new String[] { "DELETE", user + "/sessions/" }, new String[] { "POST", user + "/verification-email/" },
				new String[] { "GET", user + "/audit-logs/" });
	}

	private HttpRequest.Builder request(String method, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(BASE + path)).timeout(Duration.ofSeconds(30));
		return method.equals("POST") ? request.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")) : request.method(method, HttpRequest.BodyPublishers.noBody());
	}

	private HttpResult call(Caller caller, String method, String path) {
		return send(request(method, path), "Authorization", "Bearer " + caller.access());
	}

	private Caller admin() {
		String email = uniqueEmail();
		UUID id = createStaff(email, PASSWORD).getId();
		return new Caller(id, email, accessToken(email, PASSWORD));
	}

	private Caller user() {
		String email = uniqueEmail();
		UUID id = createUser(email, PASSWORD).getId();
		return new Caller(id, email, accessToken(email, PASSWORD));
	}

	private static List<String> emails(JsonNode rows) {
		List<String> emails = new ArrayList<>();
		rows.forEach((row) -> emails.add(row.get("email").asString()));
		return emails;
	}

	private List<String> adminActions(UUID userId) {
		return adminRows(userId).stream().map((details) -> details.get("action").asString()).toList();
	}

	/** The details of the account's one admin row of an action. */
	private JsonNode adminRow(UUID userId, String action) {
		List<JsonNode> rows = adminRows(userId).stream()
			.filter((details) -> details.get("action").asString().equals(action))
			.toList();
		assertThat(rows).as("%s rows of %s", action, userId).hasSize(1);
		return rows.get(0);
	}

	private List<JsonNode> adminRows(UUID userId) {
		return this.jdbc.queryForList("select details from myuser_audit_log where user_id = ? "
				+ "and event_type = 'ADMIN_ACTION'", String.class, userId).stream().map(JSON::readTree).toList();
	}

	private long auditRows(UUID userId, String action) {
		return adminActions(userId).stream().filter(action::equals).count();
	}

	private long auditRowsOfType(UUID userId, String type) {
		return count("select count(*) from myuser_audit_log where user_id = ? and event_type = ?", userId, type);
	}

	/** A logged-in account. */
	record Caller(UUID id, String email, String access) {
	}

}
