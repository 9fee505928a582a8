package io.myuser.sample.tokens;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.myuser.account.User;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.session.SessionService;
import io.myuser.token.RefreshTokenReuseDetected;
import io.myuser.support.ClientInfo;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens and sessions through HTTP: refresh rotation with reuse detection, revocation that takes effect on the
 * very next request, and the sessions API.
 */
abstract class TokenLifecycleTests extends IntegrationTestSupport {

	private static final String PASSWORD = "token lifecycle passphrase";

	@Autowired
	private SessionService sessionService;

	@Autowired
	private io.myuser.sample.test.RecordedEvents events;

	@Test
	void refresh_issues_a_new_pair_and_retires_the_old_refresh_token() {
		Tokens first = loginAs(uniqueEmail());

		HttpResult refreshed = refresh(first.refresh());

		assertThat(refreshed.status()).isEqualTo(200);
		Tokens second = Tokens.of(refreshed.json());
		assertThat(second.refresh()).isNotEqualTo(first.refresh());
		assertThat(second.access()).isNotEqualTo(first.access());
		assertThat(getWithToken(BASE + "/profile/", second.access()).status()).isEqualTo(200);
		assertThat(refresh(second.refresh()).status()).isEqualTo(200);
		Map<String, Object> retired = this.jdbc.queryForMap(
				"select rotated_at, replaced_by_id from myuser_refresh_token where token_hash = ?",
				io.myuser.support.SecretTokens.hash(first.refresh()));
		assertThat(retired.get("rotated_at")).isNotNull();
		assertThat(retired.get("replaced_by_id")).isNotNull();
	}

	@Test
	void repeating_a_refresh_inside_the_grace_window_returns_the_same_successor_pair() {
		Tokens first = loginAs(uniqueEmail());

		HttpResult once = refresh(first.refresh());
		this.clock.advance(Duration.ofSeconds(9));
		HttpResult twice = refresh(first.refresh());

		assertThat(once.status()).isEqualTo(200);
		assertThat(twice.status()).isEqualTo(200);
		assertThat(twice.json()).isEqualTo(once.json());
		assertThat(count("select count(*) from myuser_refresh_token where session_id = ?", first.sessionId()))
			.isEqualTo(2);
	}

	@Test
	void reusing_a_rotated_token_after_the_grace_window_revokes_the_whole_family() {
		String email = uniqueEmail();
		Tokens first = loginAs(email);
		Tokens second = Tokens.of(refresh(first.refresh()).json());
		this.clock.advance(Duration.ofSeconds(11));

		HttpResult reuse = refresh(first.refresh());

		assertThat(reuse.status()).isEqualTo(401);
		assertThat(reuse.isProblem()).isTrue();
		assertThat(refresh(second.refresh()).status()).as("successor of a reused token").isEqualTo(401);
		assertThat(getWithToken(BASE + "/profile/", second.access()).status()).isEqualTo(401);
		assertThat(getWithToken(BASE + "/profile/", first.access()).status()).isEqualTo(401);
		assertThat(this.jdbc.queryForObject("select revoke_reason from myuser_user_session where id = ?",
				String.class, first.sessionId())).isEqualTo(SessionService.REASON_TOKEN_REUSE);
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = 'SUSPICIOUS_ACTIVITY'",
				userId(email))).isOne();
		assertThat(this.events.ofType(RefreshTokenReuseDetected.class))
			.filteredOn((event) -> event.sessionId().equals(first.sessionId()))
			.singleElement()
			.satisfies((event) -> assertThat(event.userId()).isEqualTo(userId(email)));
	}

	@Test
	void refresh_refuses_access_tokens_garbage_and_unknown_tokens() {
		Tokens tokens = loginAs(uniqueEmail());

		assertThat(refresh(tokens.access()).status()).isEqualTo(401);
		assertThat(refresh("not-a-token").status()).isEqualTo(401);
		assertThat(postJson(BASE + "/token/refresh/", "{}").status()).isEqualTo(400);
		assertThat(postJson(BASE + "/token/refresh/", "{\"refresh\": 42}").status()).isIn(400, 401);
	}

	@Test
	void a_refresh_token_is_refused_as_an_access_token() {
		Tokens tokens = loginAs(uniqueEmail());

		HttpResult result = getWithToken(BASE + "/profile/", tokens.refresh());

		assertThat(result.status()).isEqualTo(401);
		assertThat(result.header("WWW-Authenticate")).contains("invalid_token");
	}

	@Test
	void logout_ends_the_current_session_on_the_very_next_request() {
		Tokens tokens = loginAs(uniqueEmail());

		HttpResult logout = logout(tokens.access(), Map.of("refresh", tokens.refresh()));

		assertThat(logout.status()).isEqualTo(205);
		assertThat(logout.body()).isEmpty();
		assertThat(getWithToken(BASE + "/profile/", tokens.access()).status()).isEqualTo(401);
		assertThat(refresh(tokens.refresh()).status()).isEqualTo(401);
	}

	@Test
	void logout_without_a_body_ends_the_current_session_only() {
		String email = uniqueEmail();
		Tokens phone = loginAs(email);
		Tokens laptop = login(email);

		assertThat(send(HttpRequest.newBuilder(uri(BASE + "/logout/")).POST(HttpRequest.BodyPublishers.noBody()),
				"Authorization", "Bearer " + phone.access())
			.status()).isEqualTo(205);

		assertThat(getWithToken(BASE + "/profile/", phone.access()).status()).isEqualTo(401);
		assertThat(getWithToken(BASE + "/profile/", laptop.access()).status()).isEqualTo(200);
	}

	@Test
	void logout_with_a_form_body_is_refused_with_415_and_ends_nothing() {
		Tokens tokens = loginAs(uniqueEmail());
		// A JSON text sent as a form: its "parameter name" holds a line break, which the firewall refuses.
		String body = "{\n  \"refresh\" :\"" + tokens.refresh() + "\"}";

		HttpResult result = send(HttpRequest.newBuilder(uri(BASE + "/logout/"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)), "Authorization", "Bearer " + tokens.access());

		assertThat(result.status()).as(result.body()).isEqualTo(415);
		assertThat(result.isProblem()).isTrue();
		assertThat(getWithToken(BASE + "/profile/", tokens.access()).status()).isEqualTo(200);
	}

	@Test
	void logout_all_ends_every_session_of_the_caller() {
		String email = uniqueEmail();
		Tokens phone = loginAs(email);
		Tokens laptop = login(email);

		assertThat(logout(phone.access(), Map.of("all", true)).status()).isEqualTo(205);

		assertThat(getWithToken(BASE + "/profile/", phone.access()).status()).isEqualTo(401);
		assertThat(getWithToken(BASE + "/profile/", laptop.access()).status()).isEqualTo(401);
		assertThat(refresh(laptop.refresh()).status()).isEqualTo(401);
	}

	@Test
	void logout_with_another_users_refresh_token_is_refused_and_changes_nothing() {
		Tokens mine = loginAs(uniqueEmail());
		Tokens theirs = loginAs(uniqueEmail());

		HttpResult result = logout(mine.access(), Map.of("refresh", theirs.refresh()));

		assertThat(result.status()).isEqualTo(400);
		assertThat(result.isProblem()).isTrue();
		assertThat(getWithToken(BASE + "/profile/", mine.access()).status()).isEqualTo(200);
		assertThat(getWithToken(BASE + "/profile/", theirs.access()).status()).isEqualTo(200);
		assertThat(refresh(theirs.refresh()).status()).isEqualTo(200);
	}

	@Test
	void sessions_lists_live_sessions_newest_first_with_the_current_one_marked() {
		String email = uniqueEmail();
		Tokens first = loginAs(email);
		Tokens second = login(email);

		HttpResult result = getWithToken(BASE + "/sessions/", second.access());

		assertThat(result.status()).isEqualTo(200);
		JsonNode list = result.json();
		assertThat(list.size()).isEqualTo(2);
		assertThat(list.get(0).get("id").asString()).isEqualTo(second.sessionId().toString());
		assertThat(list.get(0).get("current").asBoolean()).isTrue();
		assertThat(list.get(1).get("id").asString()).isEqualTo(first.sessionId().toString());
		assertThat(list.get(1).get("current").asBoolean()).isFalse();
		for (String field : List.of("ip_address", "user_agent", "created_at", "last_activity")) {
			assertThat(list.get(0).has(field)).as(field).isTrue();
		}
		assertThat(list.get(0).get("created_at").asString()).endsWith("Z");
	}

	@Test
	void deleting_a_session_ends_its_tokens_at_once_and_other_users_ids_answer_404() {
		String email = uniqueEmail();
		Tokens phone = loginAs(email);
		Tokens laptop = login(email);
		Tokens stranger = loginAs(uniqueEmail());

		HttpResult theirs = delete(BASE + "/sessions/" + stranger.sessionId() + "/", phone.access());
		HttpResult unknown = delete(BASE + "/sessions/" + UUID.randomUUID() + "/", phone.access());
		HttpResult garbage = delete(BASE + "/sessions/not-a-uuid/", phone.access());
		HttpResult mine = delete(BASE + "/sessions/" + laptop.sessionId() + "/", phone.access());

		assertThat(theirs.status()).isEqualTo(404);
		assertThat(theirs.isProblem()).isTrue();
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(garbage.status()).isEqualTo(404);
		assertThat(mine.status()).isEqualTo(204);
		assertThat(getWithToken(BASE + "/profile/", laptop.access()).status()).isEqualTo(401);
		assertThat(refresh(laptop.refresh()).status()).isEqualTo(401);
		assertThat(getWithToken(BASE + "/profile/", phone.access()).status()).isEqualTo(200);
		assertThat(getWithToken(BASE + "/profile/", stranger.access()).status()).isEqualTo(200);
		assertThat(delete(BASE + "/sessions/" + laptop.sessionId() + "/", phone.access()).status()).isEqualTo(404);
	}

	@Test
	void a_deleted_session_and_a_logged_out_one_drop_off_the_list() {
		String email = uniqueEmail();
		Tokens phone = loginAs(email);
		Tokens laptop = login(email);
		Tokens tablet = login(email);
		assertThat(sessionIds(phone.access())).containsExactly(tablet.sessionId().toString(),
				laptop.sessionId().toString(), phone.sessionId().toString());

		assertThat(delete(BASE + "/sessions/" + laptop.sessionId() + "/", phone.access()).status()).isEqualTo(204);
		assertThat(sessionIds(phone.access())).as("after DELETE")
			.containsExactly(tablet.sessionId().toString(), phone.sessionId().toString());

		assertThat(logout(tablet.access(), Map.of("refresh", tablet.refresh())).status()).isEqualTo(205);
		assertThat(sessionIds(phone.access())).as("after the tablet logged out")
			.containsExactly(phone.sessionId().toString());
	}

	@Test
	void raw_refresh_tokens_and_their_signatures_are_never_stored() {
		Tokens first = loginAs(uniqueEmail());
		HttpResult refreshed = refresh(first.refresh());
		assertThat(refreshed.status()).isEqualTo(200);
		Tokens second = Tokens.of(refreshed.json());
		List<String> secrets = new java.util.ArrayList<>();
		for (String token : List.of(first.refresh(), second.refresh())) {
			secrets.add(token);
			secrets.add(token.substring(token.lastIndexOf('.') + 1));
		}

		List<String> stored = new java.util.ArrayList<>();
		for (String table : List.of("myuser_refresh_token", "myuser_user_session")) {
			for (Map<String, Object> row : this.jdbc.queryForList("select * from " + table)) {
				row.forEach((column, value) -> stored.add(table + "." + column + "=" + text(value)));
			}
		}

		assertThat(count("select count(*) from myuser_refresh_token where session_id = ?", first.sessionId()))
			.as("both refresh tokens have rows").isEqualTo(2);
		for (String secret : secrets) {
			assertThat(stored).noneMatch((value) -> value.contains(secret));
		}
	}

	@Test
	void ending_all_sessions_of_a_user_from_the_admin_service_takes_effect_at_once() {
		String email = uniqueEmail();
		Tokens phone = loginAs(email);
		Tokens laptop = login(email);

		int ended = this.sessionService.revokeAllForUser(userId(email), SessionService.REASON_ADMIN, ClientInfo.NONE);

		assertThat(ended).isEqualTo(2);
		assertThat(getWithToken(BASE + "/profile/", phone.access()).status()).isEqualTo(401);
		assertThat(getWithToken(BASE + "/profile/", laptop.access()).status()).isEqualTo(401);
		assertThat(refresh(laptop.refresh()).status()).isEqualTo(401);
	}

	@Test
	void deactivating_or_deleting_an_account_ends_its_tokens_at_once() {
		String inactive = uniqueEmail();
		Tokens a = loginAs(inactive);
		String deleted = uniqueEmail();
		Tokens b = loginAs(deleted);

		for (Tokens tokens : List.of(a, b)) {
			// A first successful use puts each access token in the verified-token cache.
			assertThat(getWithToken(BASE + "/profile/", tokens.access()).status()).isEqualTo(200);
			assertThat(getWithToken("/api/greeting", tokens.access()).status()).isEqualTo(200);
		}

		this.accounts.setActive(userId(inactive), false);
		this.accounts.softDelete(userId(deleted));

		for (Tokens tokens : List.of(a, b)) {
			assertThat(getWithToken(BASE + "/profile/", tokens.access()).status()).isEqualTo(401);
			assertThat(getWithToken("/api/greeting", tokens.access()).status()).isEqualTo(401);
			assertThat(refresh(tokens.refresh()).status()).isEqualTo(401);
		}
	}

	@Test
	void last_activity_moves_on_refresh_and_at_most_once_a_minute_on_plain_requests() {
		Tokens tokens = loginAs(uniqueEmail());
		java.time.Instant start = lastActivity(tokens.sessionId());

		this.clock.advance(Duration.ofSeconds(30));
		getWithToken(BASE + "/profile/", tokens.access());
		assertThat(lastActivity(tokens.sessionId())).as("30 s later").isEqualTo(start);

		this.clock.advance(Duration.ofSeconds(45));
		getWithToken(BASE + "/profile/", tokens.access());
		java.time.Instant afterRequest = lastActivity(tokens.sessionId());
		assertThat(afterRequest).as("75 s later").isAfter(start);

		this.clock.advance(Duration.ofSeconds(5));
		Tokens refreshed = Tokens.of(refresh(tokens.refresh()).json());
		assertThat(lastActivity(tokens.sessionId())).as("refresh").isAfter(afterRequest);
		assertThat(refreshed.sessionId()).isEqualTo(tokens.sessionId());
	}

	@Test
	void a_session_ends_at_its_absolute_lifetime_however_often_it_was_refreshed() {
		Tokens tokens = loginAs(uniqueEmail());
		for (int day = 0; day < 3; day++) {
			this.clock.advance(Duration.ofDays(2));
			HttpResult refreshed = refresh(tokens.refresh());
			assertThat(refreshed.status()).as("day " + (2 * day + 2)).isEqualTo(200);
			tokens = Tokens.of(refreshed.json());
		}
		this.clock.advance(Duration.ofDays(1).plusMinutes(1));

		assertThat(refresh(tokens.refresh()).status()).as("after 7 days").isEqualTo(401);
	}

	@Test
	void verify_answers_200_for_valid_tokens_and_401_for_revoked_rotated_or_forged_ones() {
		Tokens tokens = loginAs(uniqueEmail());

		assertThat(verify(tokens.access()).status()).isEqualTo(200);
		assertThat(verify(tokens.access()).body()).isEqualTo("{}");
		assertThat(verify(tokens.refresh()).status()).isEqualTo(200);
		long seed = System.nanoTime();
		Random random = new Random(seed);
		for (int i = 0; i < 8; i++) {
			for (String token : List.of(tokens.access(), tokens.refresh())) {
				for (int segment : new int[] { 1, 2 }) {
					String forged = tamper(token, segment, random);
					assertThat(verify(forged).status()).as("seed=%d: %s with segment %d changed", seed, forged, segment)
						.isEqualTo(401);
				}
			}
		}

		Tokens next = Tokens.of(refresh(tokens.refresh()).json());
		assertThat(verify(tokens.refresh()).status()).as("rotated").isEqualTo(401);
		logout(next.access(), Map.of());
		assertThat(verify(next.access()).status()).as("revoked").isEqualTo(401);
	}

	private List<String> sessionIds(String access) {
		HttpResult result = getWithToken(BASE + "/sessions/", access);
		assertThat(result.status()).as(result.body()).isEqualTo(200);
		List<String> ids = new java.util.ArrayList<>();
		result.json().forEach((session) -> ids.add(session.get("id").asString()));
		return ids;
	}

	private static String text(Object value) {
		return (value instanceof byte[] bytes) ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
				: String.valueOf(value);
	}

	/**
	 * The token with one bit of one segment (1 the claims, 2 the signature) flipped in its decoded bytes and
	 * encoded again: unlike replacing a character, this always changes what the segment decodes to (the last
	 * character of a base64url segment can carry unused bits, and a replacement can be the same character).
	 */
	private static String tamper(String token, int segment, Random random) {
		String[] parts = token.split("\\.");
		byte[] original = Base64.getUrlDecoder().decode(parts[segment]);
		byte[] changed = original.clone();
		changed[random.nextInt(changed.length)] ^= (byte) (1 << random.nextInt(8));
		parts[segment] = Base64.getUrlEncoder().withoutPadding().encodeToString(changed);
		String forged = String.join(".", parts);
		assertThat(Base64.getUrlDecoder().decode(parts[segment])).as("the segment's bytes").isNotEqualTo(original);
		assertThat(forged).isNotEqualTo(token);
		return forged;
	}

	private HttpResult verify(String token) {
		return postJson(BASE + "/token/verify/", json(Map.of("token", token)));
	}

	private java.time.Instant lastActivity(UUID sessionId) {
		Object value = this.jdbc.queryForObject("select last_activity from myuser_user_session where id = ?",
				Object.class, sessionId);
		return (value instanceof java.time.OffsetDateTime offset) ? offset.toInstant()
				: ((java.sql.Timestamp) value).toInstant();
	}

	private UUID userId(String email) {
		return this.accounts.findByEmail(email).map(User::getId).orElseThrow();
	}

	private Tokens loginAs(String email) {
		createUser(email, PASSWORD);
		return login(email);
	}

	private Tokens login(String email) {
		HttpResult result = login(email, PASSWORD);
		assertThat(result.status()).as(result.body()).isEqualTo(200);
		return Tokens.of(result.json());
	}

	private HttpResult logout(String access, Map<String, ?> body) {
		return postJson(BASE + "/logout/", json(body), "Authorization", "Bearer " + access);
	}

	private HttpResult delete(String path, String access) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE(), "Authorization", "Bearer " + access);
	}

	/**
	 * A token pair and the session it belongs to (read from the token's {@code sid} claim).
	 */
	record Tokens(String access, String refresh, UUID sessionId) {

		static Tokens of(JsonNode body) {
			String access = body.get("access").asString();
			String payload = new String(java.util.Base64.getUrlDecoder().decode(access.split("\\.")[1]),
					java.nio.charset.StandardCharsets.UTF_8);
			String sid = tools.jackson.databind.json.JsonMapper.builder().build().readTree(payload).get("sid").asString();
			return new Tokens(access, body.get("refresh").asString(), UUID.fromString(sid));
		}

	}

}
