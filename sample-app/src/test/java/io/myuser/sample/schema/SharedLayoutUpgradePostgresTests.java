package io.myuser.sample.schema;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link SharedLayoutUpgradeTests} on PostgreSQL: one embedded server for the class (the tests start and close
 * their applications themselves, so no cached context outlives it), a database of its own for each test.
 */
class SharedLayoutUpgradePostgresTests extends SharedLayoutUpgradeTests {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static EmbeddedPostgres postgres;

	@BeforeAll
	static void startPostgres() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		postgres.close();
	}

	@Override
	protected TestDatabase newDatabase() {
		String name = "shared_layout_" + DATABASES.incrementAndGet();
		new JdbcTemplate(postgres.getPostgresDatabase()).execute("create database " + name);
		String url = postgres.getJdbcUrl("postgres", name);
		return new TestDatabase(url, "postgres", "postgres", new DriverManagerDataSource(url, "postgres", "postgres"));
	}

}
