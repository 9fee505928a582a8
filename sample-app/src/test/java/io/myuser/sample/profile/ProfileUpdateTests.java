package io.myuser.sample.profile;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.myuser.account.User;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writing the profile: partial PUT and PATCH, marketing consent with an append-only history whose timestamp and
 * audit row change only when the value changes, Django REST Framework's boolean forms, and 400s for the rest.
 */
abstract class ProfileUpdateTests extends IntegrationTestSupport {

	private String access;

	private UUID userId;

	@BeforeEach
	void logIn() {
		String email = uniqueEmail();
		User user = createUser(email, "profile passphrase here");
		this.userId = user.getId();
		this.access = accessToken(email, "profile passphrase here");
	}

	@Test
	void consent_changes_move_the_timestamp_append_history_and_audit_only_when_the_value_changes() {
		this.clock.pin(Instant.parse("2030-05-01T10:00:00Z"));
		// A token issued at the pinned time, so it is valid while the clock moves on.
		this.access = accessToken(this.accounts.findById(this.userId).orElseThrow().getEmail(),
				"profile passphrase here");
		JsonNode granted = write("PATCH", Map.of("marketing_consent", true, "policy_version", "2030-04")).json();
		this.clock.advance(Duration.ofMinutes(5));
		JsonNode again = write("PUT", Map.of("marketing_consent", "yes")).json();
		this.clock.advance(Duration.ofMinutes(5));
		JsonNode withdrawn = write("PATCH", Map.of("marketing_consent", 0)).json();

		assertThat(granted.get("marketing_consent").asBoolean()).isTrue();
		assertThat(granted.get("marketing_consent_updated_at").asString()).isEqualTo("2030-05-01T10:00:00Z");
		assertThat(again.get("marketing_consent_updated_at").asString()).as("unchanged value")
			.isEqualTo("2030-05-01T10:00:00Z");
		assertThat(withdrawn.get("marketing_consent").asBoolean()).isFalse();
		assertThat(withdrawn.get("marketing_consent_updated_at").asString()).isEqualTo("2030-05-01T10:10:00Z");
		List<Map<String, Object>> history = this.jdbc.queryForList(
				"select granted, policy_version, ip_address, user_agent, recorded_at from myuser_consent_record "
						+ "where user_id = ? "
						+ "order by recorded_at",
				this.userId);
		assertThat(history).hasSize(2);
		assertThat(history.get(0)).containsEntry("granted", true).containsEntry("policy_version", "2030-04")
			.containsEntry("ip_address", "127.0.0.1");
		assertThat(String.valueOf(history.get(0).get("user_agent"))).startsWith("Java-http-client");
		Object recordedAt = history.get(0).get("recorded_at");
		assertThat((recordedAt instanceof java.time.OffsetDateTime offset) ? offset.toInstant()
				: ((java.sql.Timestamp) recordedAt).toInstant()).isEqualTo(Instant.parse("2030-05-01T10:00:00Z"));
		assertThat(history.get(1)).containsEntry("granted", false);
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = 'PROFILE_UPDATE'",
				this.userId)).isEqualTo(2);
		assertThat(getWithToken(BASE + "/profile/", this.access).json().get("marketing_consent").asBoolean()).isFalse();
	}

	@Test
	void the_consent_time_a_write_answers_is_the_time_every_later_read_shows() {
		// Nanoseconds the database cannot keep: the answer must not show them either.
		this.clock.pin(Instant.parse("2030-05-01T10:00:00.123456789Z"));
		this.access = accessToken(this.accounts.findById(this.userId).orElseThrow().getEmail(),
				"profile passphrase here");

		for (String method : List.of("PATCH", "PUT")) {
			boolean consent = method.equals("PATCH");
			HttpResult written = write(method, Map.of("marketing_consent", consent));
			HttpResult read = getWithToken(BASE + "/profile/", this.access);

			assertThat(written.status()).as(method).isEqualTo(200);
			String answered = written.json().get("marketing_consent_updated_at").asString();
			assertThat(answered).as(method).isEqualTo(read.json().get("marketing_consent_updated_at").asString());
			assertThat(Instant.parse(answered)).as(method)
				.isEqualTo(instant(this.jdbc.queryForObject(
						"select marketing_consent_updated_at from myuser_profile where user_id = ?", Object.class,
						this.userId)))
				.isEqualTo(this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
			assertThat(written.json()).as(method).isEqualTo(read.json());
			this.clock.advance(Duration.ofNanos(987_654_321));
		}
		assertThat(this.jdbc.queryForList("select recorded_at from myuser_consent_record where user_id = ? "
				+ "order by recorded_at", Object.class, this.userId))
			.extracting(ProfileUpdateTests::instant)
			.containsExactly(Instant.parse("2030-05-01T10:00:00.123456Z"), Instant.parse("2030-05-01T10:00:01.111111Z"));
	}

	@Test
	void null_for_marketing_consent_answers_400_with_a_field_error_and_changes_nothing() {
		JsonNode before = write("PATCH", Map.of("marketing_consent", true)).json();

		for (String method : List.of("PATCH", "PUT")) {
			for (String body : List.of("{\"marketing_consent\": null}",
					"{\"marketing_consent\": null, \"first_name\": \"Augusta\"}")) {
				HttpResult result = send(HttpRequest.newBuilder(uri(BASE + "/profile/"))
					.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(body)), "Authorization", "Bearer " + this.access);

				assertThat(result.status()).as(method + " " + body).isEqualTo(400);
				assertThat(result.isProblem()).as(method + " " + body).isTrue();
				assertThat(result.json().get("errors").has("marketing_consent")).as(method + " " + body).isTrue();
			}
		}
		assertThat(getWithToken(BASE + "/profile/", this.access).json()).isEqualTo(before);
		assertThat(count("select count(*) from myuser_consent_record where user_id = ?", this.userId)).isOne();
	}

	@Test
	void read_only_fields_sent_in_a_write_are_ignored_and_change_nothing() {
		// Unverified, so that a client claiming "email_verified": true would be a change.
		this.jdbc.update("update myuser_user set email_verified = false where id = ?", this.userId);
		JsonNode before = getWithToken(BASE + "/profile/", this.access).json();
		Map<String, Object> rowBefore = userRow();
		UUID otherId = UUID.randomUUID();
		Map<String, Object> readOnly = Map.of("id", otherId.toString(), "email", "someone-else@example.com",
				"email_verified", true, "date_joined", "2001-02-03T04:05:06Z");

		int round = 0;
		for (String method : List.of("PATCH", "PUT")) {
			String name = "Augusta " + (++round);
			Map<String, Object> body = new java.util.LinkedHashMap<>(readOnly);
			body.put("first_name", name);
			HttpResult written = write(method, body);

			assertThat(written.status()).as(method + " " + written.body()).isEqualTo(200);
			assertThat(written.json().get("first_name").asString()).as("writable fields still apply").isEqualTo(name);
			JsonNode read = getWithToken(BASE + "/profile/", this.access).json();
			assertThat(written.json()).as(method).isEqualTo(read);
			for (String field : List.of("id", "email", "email_verified", "date_joined")) {
				assertThat(read.get(field)).as(method + " " + field).isEqualTo(before.get(field));
			}
		}
		Map<String, Object> rowAfter = userRow();
		rowAfter.remove("FIRST_NAME");
		rowAfter.remove("first_name");
		rowBefore.remove("FIRST_NAME");
		rowBefore.remove("first_name");
		assertThat(rowAfter).isEqualTo(rowBefore);
		assertThat(count("select count(*) from myuser_user where id = ?", otherId)).isZero();
		assertThat(count("select count(*) from myuser_user where email_canonical = 'someone-else@example.com'"))
			.isZero();
	}

	@Test
	void names_change_and_fields_left_out_keep_their_value() {
		JsonNode renamed = write("PATCH", Map.of("first_name", "  Augusta ")).json();

		assertThat(renamed.get("first_name").asString()).isEqualTo("Augusta");
		assertThat(renamed.get("last_name").asString()).isEqualTo("Lovelace");
		assertThat(renamed.get("marketing_consent").asBoolean()).isFalse();
		assertThat(renamed.get("marketing_consent_updated_at").isNull()).isTrue();
		assertThat(count("select count(*) from myuser_consent_record where user_id = ?", this.userId)).isZero();
	}

	@Test
	void accepted_boolean_forms_follow_django_rest_framework() {
		for (Object yes : List.of(true, "true", "True", "yes", "on", "1", 1, "t", "y")) {
			write("PATCH", Map.of("marketing_consent", false));
			HttpResult result = write("PATCH", Map.of("marketing_consent", yes));
			assertThat(result.status()).as(String.valueOf(yes)).isEqualTo(200);
			assertThat(result.json().get("marketing_consent").asBoolean()).as(String.valueOf(yes)).isTrue();
		}
	}

	@Test
	void wrong_values_answer_400_with_field_errors_and_change_nothing() {
		for (Object bad : List.of("maybe", 2, -1, 1.5, List.of(true), Map.of("value", true), "")) {
			HttpResult result = write("PATCH", Map.of("marketing_consent", bad));
			assertThat(result.status()).as(String.valueOf(bad)).isEqualTo(400);
			assertThat(result.json().get("errors").has("marketing_consent")).as(String.valueOf(bad)).isTrue();
		}
		assertThat(write("PATCH", Map.of("first_name", "x".repeat(151))).status()).isEqualTo(400);
		assertThat(write("PATCH", Map.of("first_name", 42)).status()).isEqualTo(400);
		assertThat(write("PATCH", Map.of("last_name", "a\u0000b")).status()).isEqualTo(400);
		assertThat(count("select count(*) from myuser_consent_record where user_id = ?", this.userId)).isZero();
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = 'PROFILE_UPDATE'",
				this.userId)).isZero();
	}

	@Test
	void malformed_bodies_answer_400_problem_json_for_put_and_patch() {
		for (String method : List.of("PUT", "PATCH")) {
			for (String body : List.of("{", "[]", "42", "null", "{\"marketing_consent\": tru}", "\"text\"")) {
				HttpResult result = send(HttpRequest.newBuilder(uri(BASE + "/profile/"))
					.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(body)), "Authorization", "Bearer " + this.access);
				assertThat(result.status()).as(method + " " + body).isEqualTo(400);
				assertThat(result.isProblem()).as(method + " " + body).isTrue();
				assertThat(result.json().get("detail").asString()).isNotBlank();
			}
		}
		assertThat(count("select count(*) from myuser_consent_record where user_id = ?", this.userId)).isZero();
	}

	@Test
	void post_and_delete_answer_405_and_anonymous_writes_401() {
		assertThat(send(HttpRequest.newBuilder(uri(BASE + "/profile/"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")), "Authorization", "Bearer " + this.access).status())
			.isEqualTo(405);
		assertThat(send(HttpRequest.newBuilder(uri(BASE + "/profile/")).DELETE(), "Authorization",
				"Bearer " + this.access).status()).isEqualTo(405);
		assertThat(send(HttpRequest.newBuilder(uri(BASE + "/profile/"))
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"marketing_consent\":true}"))).status())
			.isEqualTo(401);
	}

	/** The account row's identity and verification columns, as stored. */
	private Map<String, Object> userRow() {
		return new java.util.TreeMap<>(this.jdbc.queryForMap("select id, email, email_canonical, email_verified, "
				+ "date_joined, first_name from myuser_user where id = ?", this.userId));
	}

	private static Instant instant(Object value) {
		return (value instanceof java.time.OffsetDateTime offset) ? offset.toInstant()
				: ((java.sql.Timestamp) value).toInstant();
	}

	private HttpResult write(String method, Map<String, ?> body) {
		return send(HttpRequest.newBuilder(uri(BASE + "/profile/"))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json(body))), "Authorization", "Bearer " + this.access);
	}

}
