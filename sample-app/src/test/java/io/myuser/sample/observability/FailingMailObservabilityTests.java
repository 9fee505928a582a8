package io.myuser.sample.observability;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.myuser.metrics.MeterNames;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mail server that refuses every connection: the failed attempt is counted by template and result, its job as a
 * failure, and {@code /actuator/health} reports the failing mail job (DOWN here, where no failing mail is
 * tolerated). The retry waits an hour, so the job stays failing for the test. The database plays no part beyond
 * the job table, so H2 only.
 */
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "myuser.jobs.polling-interval=100ms",
		"myuser.jobs.retry.initial-delay=1h", "myuser.health.jobs.max-failing-mails=0",
		"management.endpoints.web.exposure.include=health", "management.endpoint.health.show-details=always" })
class FailingMailObservabilityTests extends IntegrationTestSupport {

	private static final String PASSWORD = "a long and unusual passphrase";

	private static final int CLOSED_PORT = closedPort();

	@Autowired
	private MeterRegistry registry;

	@DynamicPropertySource
	static void mailPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> CLOSED_PORT);
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void a_failed_delivery_is_counted_and_the_job_engine_reports_the_failing_mail() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		String access = accessToken(email, PASSWORD);
		double failed = count(MeterNames.MAILS, "template", "password-reset", "result", "failed");
		assertThat(postJson(BASE + "/password/reset/", json(Map.of("email", email))).status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> count(MeterNames.MAILS, "template", "password-reset", "result", "failed") == failed + 1);
		Timer failures = this.registry.find(MeterNames.JOBS).tags("type", "myuser-mail", "result", "failure").timer();
		assertThat(failures).isNotNull();
		assertThat(failures.count()).isPositive();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> getWithToken("/actuator/health/myuser", access).status() == 503);
		HttpResult health = getWithToken("/actuator/health/myuser", access);
		JsonNode jobs = health.json().get("components").get("jobs");
		assertThat(jobs.get("status").asString()).isEqualTo("DOWN");
		assertThat(jobs.get("details").get("failingMails").asLong()).isPositive();
		assertThat(jobs.get("details").get("failing").get("myuser-mail").asLong()).isPositive();
		assertThat(jobs.get("details").get("reason").asString()).contains("mail job(s) failing");
	}

	private double count(String name, String... tags) {
		Counter counter = this.registry.find(name).tags(tags).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
