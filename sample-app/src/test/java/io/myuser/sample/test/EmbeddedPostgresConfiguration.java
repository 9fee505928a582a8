package io.myuser.sample.test;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A real PostgreSQL server, started by the test suite itself from Maven-provided binaries, and a pooled
 * {@link DataSource} to it. The server lives as long as the (cached) application context and is closed with it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres() throws IOException {
		return start();
	}

	/**
	 * Start a PostgreSQL server from the binaries on the test class path. Where the build found none for this
	 * machine, the failure says which platforms are covered and how to run the H2 half only.
	 * @return the running server, to be closed by the caller
	 * @throws IOException if the server cannot be started
	 */
	public static EmbeddedPostgres start() throws IOException {
		try {
			return EmbeddedPostgres.builder().start();
		}
		catch (IllegalStateException ex) {
			if (ex.getMessage() == null || !ex.getMessage().contains("postgres binaries")) {
				throw ex;
			}
			throw new IllegalStateException("No embedded PostgreSQL binaries for " + System.getProperty("os.name")
					+ " on " + System.getProperty("os.arch") + ": the build brings them for Linux (amd64, arm64), "
					+ "macOS (Intel, Apple silicon) and Windows (amd64). Elsewhere run the H2 half only: "
					+ "./mvnw verify -D" + NeedsPostgres.SWITCH + "=false", ex);
		}
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(20);
		return dataSource;
	}

}
