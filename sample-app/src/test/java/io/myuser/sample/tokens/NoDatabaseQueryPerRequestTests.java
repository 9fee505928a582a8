package io.myuser.sample.tokens;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authenticating a request needs no database query in the common case: signature, claims and revocation are
 * checked in memory, and session activity is written at most once a minute. Shown by counting every connection
 * the application takes from its DataSource on a request thread while calling a host endpoint that itself does no
 * database work. Background work (the revocation poll, the job scheduler's polling) runs on threads of its own and
 * is not counted.
 */
@Import(NoDatabaseQueryPerRequestTests.CountingDataSourceConfiguration.class)
class NoDatabaseQueryPerRequestTests extends IntegrationTestSupport {

	@Autowired
	private CountingDataSourceConfiguration counter;

	@Test
	void authenticated_requests_take_no_database_connection() {
		String email = uniqueEmail();
		createUser(email, "no query passphrase");
		String access = accessToken(email, "no query passphrase");
		assertThat(getWithToken("/api/greeting", access).status()).isEqualTo(200);

		int before = this.counter.connections.get();
		for (int i = 0; i < 50; i++) {
			assertThat(getWithToken("/api/greeting", access).status()).isEqualTo(200);
		}
		int during = this.counter.connections.get() - before;

		assertThat(during).as("connections taken by 50 authenticated requests").isZero();
		// The counter itself works: a login does take connections.
		int beforeLogin = this.counter.connections.get();
		accessToken(email, "no query passphrase");
		assertThat(this.counter.connections.get()).isGreaterThan(beforeLogin);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CountingDataSourceConfiguration {

		final AtomicInteger connections = new AtomicInteger();

		@Bean
		static BeanPostProcessor countingDataSourcePostProcessor(
				org.springframework.beans.factory.ObjectProvider<CountingDataSourceConfiguration> self) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)) {
						return new DelegatingDataSource(dataSource) {
							@Override
							public java.sql.Connection getConnection() throws java.sql.SQLException {
								if (Thread.currentThread().getName().startsWith("http-")) {
									self.getObject().connections.incrementAndGet();
								}
								return super.getConnection();
							}
						};
					}
					return bean;
				}
			};
		}

	}

}
