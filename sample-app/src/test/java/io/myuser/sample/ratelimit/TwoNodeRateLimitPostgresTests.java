package io.myuser.sample.ratelimit;

import io.myuser.sample.test.EmbeddedPostgresConfiguration;
import io.myuser.sample.test.NeedsPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.context.ConfigurableApplicationContext;

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

	@Override
	ConfigurableApplicationContext nodeA() {
		return a;
	}

	@Override
	ConfigurableApplicationContext nodeB() {
		return b;
	}

}
