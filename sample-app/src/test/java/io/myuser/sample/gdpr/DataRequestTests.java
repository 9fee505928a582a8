package io.myuser.sample.gdpr;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code data-requests/} through HTTP: creating, listing, showing and withdrawing requests, one open request per
 * type (also under concurrent double submits), due dates, other users' ids, and bad input answered with 400
 * problem JSON that writes nothing.
 */
abstract class DataRequestTests extends IntegrationTestSupport {

	private static final String PASSWORD = "data request passphrase";

	@Test
	void a_deletion_request_is_pending_with_its_due_date_and_grace_period_and_is_listed_for_its_owner_only() {
		String access = login(uniqueEmail());
		String other = login(uniqueEmail());

		HttpResult created = create(access,
				Map.of("request_type", "DELETE", "notes", "Please delete.\nThanks", "password", PASSWORD));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode item = created.json();
		assertThat(item.get("request_type").asString()).isEqualTo("DELETE");
		assertThat(item.get("status").asString()).isEqualTo("PENDING");
		assertThat(item.get("notes").asString()).isEqualTo("Please delete.\nThanks");
		Instant createdAt = Instant.parse(item.get("created_at").asString());
		assertThat(item.get("created_at").asString()).endsWith("Z");
		assertThat(Instant.parse(item.get("due_at").asString()))
			.isEqualTo(createdAt.atZone(ZoneOffset.UTC).plusMonths(1).toInstant());
		assertThat(Instant.parse(item.get("scheduled_for").asString()))
			.isEqualTo(createdAt.plus(java.time.Duration.ofDays(7)));
		assertThat(item.has("updated_at")).isTrue();
		String id = item.get("id").asString();
		assertThat(created.header("Location")).endsWith("/data-requests/" + id + "/");

		HttpResult mine = getWithToken(BASE + "/data-requests/", access);
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.json().size()).isEqualTo(1);
		assertThat(mine.json().get(0).get("id").asString()).isEqualTo(id);
		assertThat(getWithToken(BASE + "/data-requests/" + id + "/", access).json().get("id").asString())
			.isEqualTo(id);
		assertThat(getWithToken(BASE + "/data-requests", other).json().size()).isZero();
		assertThat(getWithToken(BASE + "/data-requests/" + id + "/", other).status()).isEqualTo(404);
		assertThat(getWithToken(BASE + "/data-requests/" + UUID.randomUUID() + "/", access).status())
			.isEqualTo(404);
		assertThat(getWithToken(BASE + "/data-requests/not-a-uuid/", access).status()).isEqualTo(404);
	}

	@Test
	void a_second_open_request_of_a_type_answers_409_naming_the_open_one_while_another_type_is_accepted() {
		String access = login(uniqueEmail());
		String open = create(access, Map.of("request_type", "DELETE", "password", PASSWORD)).json()
			.get("id")
			.asString();

		HttpResult again = create(access, Map.of("request_type", "DELETE", "password", PASSWORD));
		HttpResult export = create(access, Map.of("request_type", "EXPORT"));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.isProblem()).isTrue();
		assertThat(again.json().get("open_request_id").asString()).isEqualTo(open);
		assertThat(again.json().get("detail").asString()).contains("open");
		assertThat(export.status()).isEqualTo(201);
		assertThat(getWithToken(BASE + "/data-requests/", access).json().size()).isEqualTo(2);
	}

	@Test
	void concurrent_double_submits_create_one_request() throws Exception {
		String access = login(uniqueEmail());
		int threads = 16;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResult>> results = new ArrayList<>();
		try {
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return create(access, Map.of("request_type", "DELETE", "password", PASSWORD));
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<HttpResult> result : results) {
				statuses.add(result.get().status());
			}
			assertThat(statuses).containsOnly(201, 409);
			assertThat(statuses.stream().filter((status) -> status == 201).count()).isOne();
		}
		finally {
			pool.shutdownNow();
		}
		JsonNode list = getWithToken(BASE + "/data-requests/", access).json();
		assertThat(list.size()).isOne();
		assertThat(count("select count(*) from myuser_scheduled_tasks where task_name = 'myuser-gdpr-deletion' "
				+ "and task_instance = ?", list.get(0).get("id").asString())).isOne();
	}

	@Test
	void the_times_a_create_and_a_withdrawal_answer_are_the_times_later_reads_show() {
		// Nanoseconds the database cannot keep: the answers must not show them either.
		this.clock.pin(Instant.parse("2030-05-01T10:00:00.123456789Z"));
		String access = login(uniqueEmail());

		HttpResult created = create(access, Map.of("request_type", "DELETE", "password", PASSWORD));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.json()).isEqualTo(getWithToken(BASE + "/data-requests/" + id + "/", access).json());
		assertThat(created.json().get("created_at").asString()).isEqualTo("2030-05-01T10:00:00.123456Z");

		this.clock.advance(java.time.Duration.ofNanos(987_654_321));
		HttpResult withdrawn = cancel(access, id);

		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		JsonNode read = getWithToken(BASE + "/data-requests/" + id + "/", access).json();
		assertThat(withdrawn.json()).isEqualTo(read);
		assertThat(read.get("processed_at").asString()).isEqualTo("2030-05-01T10:00:01.111111Z");
		assertThat(read.get("updated_at").asString()).isEqualTo("2030-05-01T10:00:01.111111Z");
		assertThat(getWithToken(BASE + "/data-requests/", access).json().get(0)).isEqualTo(read);
	}

	@Test
	void a_pending_deletion_can_be_withdrawn_once_and_an_export_not_at_all() {
		String access = login(uniqueEmail());
		String deletion = create(access, Map.of("request_type", "DELETE", "password", PASSWORD)).json()
			.get("id")
			.asString();
		String export = create(access, Map.of("request_type", "EXPORT")).json().get("id").asString();
		String stranger = login(uniqueEmail());

		HttpResult theirs = cancel(stranger, deletion);
		HttpResult withdrawn = cancel(access, deletion);
		HttpResult twice = cancel(access, deletion);
		HttpResult exportCancel = cancel(access, export);

		assertThat(theirs.status()).isEqualTo(404);
		assertThat(withdrawn.status()).isEqualTo(200);
		assertThat(withdrawn.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(withdrawn.json().get("processed_at").isNull()).isFalse();
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("request_status").asString()).isEqualTo("CANCELLED");
		assertThat(exportCancel.status()).isEqualTo(409);
		assertThat(cancel(access, UUID.randomUUID().toString()).status()).isEqualTo(404);
		assertThat(create(access, Map.of("request_type", "DELETE", "password", PASSWORD)).status())
			.as("a withdrawn one is not open")
			.isEqualTo(201);
		UUID userId = this.accounts.findByEmail(emailOf(access)).orElseThrow().getId();
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = "
				+ "'DATA_DELETION_REQUESTED'", userId)).as("requested, cancelled, requested").isEqualTo(3);
	}

	@Test
	void bad_bodies_answer_400_with_field_errors_and_write_nothing() {
		String access = login(uniqueEmail());
		UUID userId = this.accounts.findByEmail(emailOf(access)).orElseThrow().getId();
		List<String> bodies = List.of("{}", "{\"request_type\": null}", "{\"request_type\": \"\"}",
				"{\"request_type\": \"   \"}", "{\"request_type\": \"ERASE\"}", "{\"request_type\": \"export\"}",
				"{\"request_type\": 5}", "{\"request_type\": [\"EXPORT\"]}", "{\"request_type\": \"EXPORT\", \"notes\": 7}",
				"{\"request_type\": \"DELETE\", \"notes\": \"" + "x".repeat(2001) + "\"}",
				"{\"request_type\": \"DELETE\", \"notes\": \"bell\\u0007\"}",
				"{\"request_type\": \"DELETE\", \"notes\": \"\\ud800\"}");
		for (String body : bodies) {
			HttpResult result = postJson(BASE + "/data-requests/", body, "Authorization", "Bearer " + access);
			assertThat(result.status()).as(body).isEqualTo(400);
			assertThat(result.isProblem()).as(body).isTrue();
			assertThat(result.json().get("errors").isObject()).as(body).isTrue();
		}
		for (String body : List.of("{\"request_type\": \"EXPORT\"", "[]", "\"EXPORT\"", "")) {
			HttpResult result = postJson(BASE + "/data-requests/", body, "Authorization", "Bearer " + access);
			assertThat(result.status()).as(body).isEqualTo(400);
			assertThat(result.isProblem()).as(body).isTrue();
		}
		HttpResult form = send(HttpRequest.newBuilder(uri(BASE + "/data-requests/"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("request_type=EXPORT")), "Authorization", "Bearer " + access);
		assertThat(form.status()).isEqualTo(415);
		assertThat(count("select count(*) from myuser_data_request where user_id = ?", userId)).isZero();
	}

	@Test
	void data_requests_need_a_valid_access_token() {
		assertThat(get(BASE + "/data-requests/").status()).isEqualTo(401);
		assertThat(postJson(BASE + "/data-requests/", "{\"request_type\": \"EXPORT\"}").status()).isEqualTo(401);
		HttpResult forged = getWithToken(BASE + "/data-requests/", "not.a.token");
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.header("WWW-Authenticate")).startsWith("Bearer");
	}

	private final Map<String, String> emails = new java.util.concurrent.ConcurrentHashMap<>();

	private String login(String email) {
		createUser(email, PASSWORD);
		String access = accessToken(email, PASSWORD);
		this.emails.put(access, email);
		return access;
	}

	private String emailOf(String access) {
		return this.emails.get(access);
	}

	private HttpResult create(String access, Map<String, ?> body) {
		return postJson(BASE + "/data-requests/", json(body), "Authorization", "Bearer " + access);
	}

	private HttpResult cancel(String access, String id) {
		return postJson(BASE + "/data-requests/" + id + "/cancel/", "", "Authorization", "Bearer " + access);
	}

}
