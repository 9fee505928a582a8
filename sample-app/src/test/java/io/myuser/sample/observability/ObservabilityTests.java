package io.myuser.sample.observability;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.myuser.metrics.ActiveSessionsGauge;
import io.myuser.metrics.MeterNames;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health and meters end to end: real HTTP calls (logins that succeed and fail, refreshes, a reused refresh token, a
 * registration's email, an export, a rate-limited request) move MyUser's meters, read back from the application's
 * {@link MeterRegistry} and through {@code /actuator/metrics}; {@code /actuator/health} shows the {@code myuser}
 * contributor's parts, UP, and the job engine DOWN once a job has waited too long with the scheduler paused.
 * Actuator's endpoints are behind the sample's own security chain, so the calls carry an access token. The
 * live-session gauge counts once at start and then only when a test asks (its interval is an hour here).
 */
@TestPropertySource(properties = { "myuser.rate-limit.enabled=true", "myuser.web.trusted-proxies=127.0.0.1/32",
		"management.endpoints.web.exposure.include=health,metrics", "management.endpoint.health.show-details=always",
		"myuser.jobs.polling-interval=100ms", "myuser.metrics.active-sessions-interval=1h" })
abstract class ObservabilityTests extends IntegrationTestSupport {

	private static final String PASSWORD = "a long and unusual passphrase";

	private static final String UNHANDLED = "observability-test-unhandled";

	private static int clients;

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private ActiveSessionsGauge activeSessions;

	/** A client address no other test uses, sent through the trusted proxy. */
	private static synchronized String newClient() {
		clients++;
		return "198.19." + ((clients >> 8) & 0xff) + "." + (clients & 0xff);
	}

	@Test
	void logins_refreshes_and_reuse_are_counted_by_result() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		double succeeded = count(MeterNames.LOGINS, "result", "success", "method", "password", "reason", "none");
		double wrong = count(MeterNames.LOGINS, "result", "failure", "method", "password", "reason",
				"wrong_password");
		double unknown = count(MeterNames.LOGINS, "result", "failure", "method", "password", "reason",
				"unknown_email");
		double refreshed = count(MeterNames.REFRESHES, "result", "success");
		double reused = count(MeterNames.REFRESHES, "result", "reused");
		double invalid = count(MeterNames.REFRESHES, "result", "invalid");
		double reuse = count(MeterNames.REFRESH_REUSE);

		String client = newClient();
		HttpResult ok = login(email, PASSWORD, "X-Forwarded-For", client);
		assertThat(ok.status()).isEqualTo(200);
		assertThat(login(email, "not the password at all", "X-Forwarded-For", client).status()).isEqualTo(401);
		assertThat(login(uniqueEmail(), PASSWORD, "X-Forwarded-For", client).status()).isEqualTo(401);
		String refresh = ok.json().get("refresh").asString();
		HttpResult rotated = postJson(BASE + "/token/refresh/", json(Map.of("refresh", refresh)), "X-Forwarded-For",
				client);
		assertThat(rotated.status()).isEqualTo(200);
		// The rotated token again, from another client: reuse, and the session is revoked.
		assertThat(postJson(BASE + "/token/refresh/", json(Map.of("refresh", refresh)), "X-Forwarded-For",
				newClient()).status()).isEqualTo(401);
		assertThat(refresh("not.a.token").status()).isEqualTo(401);

		assertThat(count(MeterNames.LOGINS, "result", "success", "method", "password", "reason", "none"))
			.isEqualTo(succeeded + 1);
		assertThat(count(MeterNames.LOGINS, "result", "failure", "method", "password", "reason", "wrong_password"))
			.isEqualTo(wrong + 1);
		assertThat(count(MeterNames.LOGINS, "result", "failure", "method", "password", "reason", "unknown_email"))
			.isEqualTo(unknown + 1);
		assertThat(count(MeterNames.REFRESHES, "result", "success")).isEqualTo(refreshed + 1);
		assertThat(count(MeterNames.REFRESHES, "result", "reused")).isEqualTo(reused + 1);
		assertThat(count(MeterNames.REFRESHES, "result", "invalid")).isEqualTo(invalid + 1);
		assertThat(count(MeterNames.REFRESH_REUSE)).isEqualTo(reuse + 1);
		assertThat(this.registry.find(MeterNames.LOGINS).counters())
			.as("no tag holds an address")
			.allSatisfy((counter) -> assertThat(counter.getId().getTags().toString()).doesNotContain("@"));
	}

	@Test
	void the_metrics_endpoint_serves_myusers_meters() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		String access = accessToken(email, PASSWORD);
		HttpResult logins = getWithToken("/actuator/metrics/" + MeterNames.LOGINS, access);
		assertThat(logins.status()).as(logins.body()).isEqualTo(200);
		assertThat(logins.json().get("name").asString()).isEqualTo(MeterNames.LOGINS);
		assertThat(logins.json().get("availableTags").toString()).contains("method", "result", "reason");
	}

	@Test
	void a_rate_limited_request_is_counted_by_scope() {
		String client = newClient();
		String address = uniqueEmail();
		double before = count(MeterNames.RATE_LIMITED, "scope", "password-reset.per-address");
		int refused = 0;
		for (int i = 0; i < 4; i++) {
			HttpResult reset = postJson(BASE + "/password/reset/", json(Map.of("email", address)), "X-Forwarded-For",
					client);
			if (reset.status() == 429) {
				refused++;
			}
		}
		assertThat(refused).as("3/hour per address: the fourth is refused").isEqualTo(1);
		assertThat(count(MeterNames.RATE_LIMITED, "scope", "password-reset.per-address")).isEqualTo(before + 1);
	}

	@Test
	void a_registration_email_counts_as_sent_and_its_job_is_timed() {
		double sent = count(MeterNames.MAILS, "template", "email-confirmation", "result", "sent");
		long mailJobs = timerCount(MeterNames.JOBS, "type", "myuser-mail", "result", "success");
		HttpResult registered = postJson(BASE + "/registration/", json(Map.of("email", uniqueEmail(), "password1",
				PASSWORD, "password2", PASSWORD)), "X-Forwarded-For", newClient());
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count(MeterNames.MAILS, "template", "email-confirmation", "result", "sent") == sent + 1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> timerCount(MeterNames.JOBS, "type", "myuser-mail", "result", "success") >= mailJobs + 1);
		// db-scheduler's own meters, on MyUser's scheduler.
		assertThat(this.registry.find("dbscheduler_task_completions").tag("task", "myuser-mail").counters())
			.isNotEmpty();
	}

	@Test
	void an_export_is_timed_and_its_archive_size_recorded() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		String access = accessToken(email, PASSWORD);
		long completed = timerCount(MeterNames.EXPORTS, "result", "completed");
		HttpResult created = postJson(BASE + "/data-requests/", json(Map.of("request_type", "EXPORT")),
				"Authorization", "Bearer " + access);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		UUID requestId = UUID.fromString(created.json().get("id").asString());
		await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(this.jdbc
			.queryForObject("select status from myuser_data_request where id = ?", String.class, requestId)));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> timerCount(MeterNames.EXPORTS, "result", "completed") == completed + 1);
		long size = this.jdbc.queryForObject("select file_size from myuser_data_export_file where data_request_id = ?",
				Long.class, requestId);
		assertThat(size).isPositive();
		assertThat(this.registry.get(MeterNames.EXPORT_SIZE).tag("result", "completed").summary().max())
			.isGreaterThanOrEqualTo((double) size);
	}

	@Test
	void the_active_sessions_gauge_counts_live_sessions_when_it_refreshes() {
		long before = this.activeSessions.refresh();
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		String access = accessToken(email, PASSWORD);
		assertThat(this.registry.get(MeterNames.SESSIONS_ACTIVE).gauge().value())
			.as("a cached count: the scrape does not query").isEqualTo((double) before);
		assertThat(this.activeSessions.refresh()).isEqualTo(before + 1);
		assertThat(this.registry.get(MeterNames.SESSIONS_ACTIVE).gauge().value()).isEqualTo(before + 1.0);
		assertThat(postJson(BASE + "/logout/", "{\"all\": true}", "Authorization", "Bearer " + access).status())
			.isEqualTo(205);
		assertThat(this.activeSessions.refresh()).isEqualTo(before);
	}

	@Test
	void health_shows_myusers_parts_up() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		String access = accessToken(email, PASSWORD);
		HttpResult health = getWithToken("/actuator/health", access);
		assertThat(health.status()).as(health.body()).isEqualTo(200);
		JsonNode myuser = health.json().get("components").get("myuser");
		assertThat(myuser.get("status").asString()).isEqualTo("UP");
		for (String part : new String[] { "jobs", "revocations", "exports" }) {
			assertThat(myuser.get("components").get(part).get("status").asString()).as(part).isEqualTo("UP");
		}
		assertThat(myuser.get("components").get("jobs").get("details").get("overdue").asLong()).isZero();
		assertThat(myuser.get("components").get("revocations").get("details").has("lag")).isTrue();
	}

	@Test
	void health_is_down_with_the_reason_when_a_job_waits_too_long() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		String access = accessToken(email, PASSWORD);
		// A job of a type no node handles (say, a host's job whose handler was not deployed): due for ten minutes,
		// and never picked.
		this.jdbc.update("insert into myuser_scheduled_tasks (task_name, task_instance, execution_time, picked, "
				+ "version) values (?, ?, ?, ?, 1)", UNHANDLED, UUID.randomUUID().toString(),
				java.time.OffsetDateTime.ofInstant(this.clock.instant().minus(Duration.ofMinutes(10)),
						java.time.ZoneOffset.UTC), false);
		try {
			HttpResult health = getWithToken("/actuator/health/myuser", access);
			assertThat(health.status()).as(health.body()).isEqualTo(503);
			JsonNode jobs = health.json().get("components").get("jobs");
			assertThat(jobs.get("status").asString()).isEqualTo("DOWN");
			assertThat(jobs.get("details").get("overdue").asLong()).isEqualTo(1);
			assertThat(jobs.get("details").get("reason").asString()).contains("not picked by any node");
			assertThat(Duration.parse(jobs.get("details").get("oldestOverdueAge").asString()))
				.isGreaterThanOrEqualTo(Duration.ofMinutes(10));
			assertThat(health.json().get("components").get("exports").get("status").asString()).isEqualTo("UP");
		}
		finally {
			this.jdbc.update("delete from myuser_scheduled_tasks where task_name = ?", UNHANDLED);
		}
		assertThat(getWithToken("/actuator/health/myuser", access).status()).isEqualTo(200);
	}

	private double count(String name, String... tags) {
		Counter counter = this.registry.find(name).tags(tags).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private long timerCount(String name, String... tags) {
		Timer timer = this.registry.find(name).tags(tags).timer();
		return (timer != null) ? timer.count() : 0;
	}

}
