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

	@Override
	ConfigurableApplicationContext nodeA() {
		return a;
	}

	@Override
	ConfigurableApplicationContext nodeB() {
		return b;
	}

}
