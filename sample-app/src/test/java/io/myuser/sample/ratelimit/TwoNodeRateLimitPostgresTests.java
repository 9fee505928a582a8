package io.myuser.sample.ratelimit;

import javax.sql.DataSource;

import io.myuser.sample.test.EmbeddedPostgresConfiguration;
import io.myuser.sample.test.NeedsPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TwoNodeRateLimitTests} with the {@code jdbc} store: two nodes on one PostgreSQL database.
 */
@NeedsPostgres
class TwoNodeRateLimitPostgresTests extends TwoNodeRateLimitTests {

	private static EmbeddedPostgres postgres;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void startCluster() throws Exception {
		postgres = EmbeddedPostgresConfiguration.start();
		String[] store = { "--myuser.rate-limit.store=jdbc",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres" };
		a = startNode(store);
		b = startNode(store);
	}

	@AfterAll
	static void stopPostgres() throws Exception {
		stopNodes();
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void the_clean_up_of_expired_budgets_is_a_recurring_job_of_the_job_engine() {
		JdbcTemplate jdbc = new JdbcTemplate(a.getBean(DataSource.class));
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
		Long scheduled = 0L;
		while (System.nanoTime() < deadline
				&& (scheduled = jdbc.queryForObject("select count(*) from myuser_scheduled_tasks where task_name = ?",
						Long.class, "myuser-rate-limit-cleanup")) == 0) {
			Thread.onSpinWait();
		}
		assertThat(scheduled).as("one schedule for both nodes").isEqualTo(1);
		assertThat(a.containsBean("myUserRateLimitCleanupJob")).isTrue();
	}

	@Test
	void the_stored_keys_hold_no_address_and_no_ip() throws Exception {
		String email = "private-" + java.util.UUID.randomUUID() + "@example.com";
		java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + a.getEnvironment().getProperty("local.server.port")
						+ "/api/auth/token/"))
				.header("Content-Type", "application/json")
				.header("X-Forwarded-For", "198.19.77.66")
				.POST(java.net.http.HttpRequest.BodyPublishers
					.ofString("{\"email\":\"" + email + "\",\"password\":\"not it\"}"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(401);
		JdbcTemplate jdbc = new JdbcTemplate(a.getBean(DataSource.class));
		java.util.List<String> keys = jdbc.queryForList("select id from myuser_rate_limit_bucket", String.class);
		assertThat(keys).anyMatch((key) -> key.startsWith("login.per-account:"))
			.anyMatch((key) -> key.startsWith("login.per-ip:"))
			.noneMatch((key) -> key.contains("private-") || key.contains("example.com") || key.contains("198.19"));
	}

	@Test
	void a_node_whose_table_cannot_be_read_refuses_to_start_instead_of_failing_open_forever() {
		org.assertj.core.api.Assertions.assertThatException()
			.isThrownBy(() -> startNode("--myuser.rate-limit.store=jdbc", "--myuser.rate-limit.jdbc.table=no_such_table",
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres"))
			.withStackTraceContaining("the table no_such_table (myuser.rate-limit.jdbc.table) cannot be read");
	}

	@Override
	ConfigurableApplicationContext nodeA() {
		return a;
	}

	@Override
	ConfigurableApplicationContext nodeB() {
		return b;
	}

}
