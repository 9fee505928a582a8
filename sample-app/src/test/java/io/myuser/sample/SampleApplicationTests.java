package io.myuser.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.myuser.account.NewUser;
import io.myuser.account.UserAccountService;
import io.myuser.autoconfigure.token.InvalidSigningKeyException;
import io.myuser.autoconfigure.token.InvalidSigningKeyException.Reason;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.EmbeddedPostgresConfiguration;
import io.myuser.sample.test.NeedsPostgres;
import io.myuser.support.ClientInfo;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The sample application started the way {@link SampleApplication#main} starts it, with its shipped
 * configuration: with zero setup (in-memory H2, a generated signing secret, the demo account) and with the
 * {@code postgres} profile pointed at a PostgreSQL server through its environment variables. The first serves the
 * demo page and the dev mailbox; the second has no dev mailbox.
 */
class SampleApplicationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	@Test
	void with_zero_setup_the_demo_user_logs_in_and_opens_the_profile() throws Exception {
		// Only what a test run needs on top of "java -jar": a free port and a database of its own.
		try (ConfigurableApplicationContext context = SampleApplication.application()
			.run("--server.port=0", "--spring.main.banner-mode=off",
					"--spring.datasource.url=jdbc:h2:mem:sample-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
			assertThat(context.getEnvironment().getPropertySources().contains("sampleLocalSigningSecret"))
				.as("the signing secret was generated for this run")
				.isTrue();
			String secret = context.getEnvironment().getProperty("myuser.token.signing.secret");
			assertThat(secret).startsWith("base64:");
			assertThat(Base64.getDecoder().decode(secret.substring("base64:".length()))).hasSize(32);
			assertThat(databaseProduct(context)).isEqualTo("H2");

			String access = login(context, DemoUserInitializer.EMAIL, DemoUserInitializer.PASSWORD);
			HttpResult profile = get(context, "/api/auth/profile/", access);

			assertThat(profile.status()).isEqualTo(200);
			assertThat(profile.json().get("email").asString()).isEqualTo(DemoUserInitializer.EMAIL);
			HttpResult demoPage = send(request(context, "/").GET());
			assertThat(demoPage.status()).isEqualTo(200);
			assertThat(demoPage.body()).contains("<title>MyUser demo</title>");
			assertThat(send(request(context, "/dev/mailbox").GET()).status()).as("the dev mailbox is on").isEqualTo(200);
		}
	}

	@Test
	void a_plain_text_signing_secret_stops_the_sample_at_startup() {
		Throwable failure = catchThrowable(() -> SampleApplication.application()
			.run("--server.port=0", "--spring.main.banner-mode=off",
					"--spring.datasource.url=jdbc:h2:mem:sample-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"--myuser.token.signing.secret=a plain text secret that is long enough to have had 256 bits")
			.close());

		Throwable cause = failure;
		while (cause != null && !(cause instanceof InvalidSigningKeyException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("cause chain of %s", failure).isInstanceOf(InvalidSigningKeyException.class);
		assertThat(((InvalidSigningKeyException) cause).getReason()).isEqualTo(Reason.PLAIN_TEXT);
	}

	@Test
	@NeedsPostgres
	void the_postgres_profile_takes_its_database_from_the_environment_variables() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgresConfiguration.start();
				ConfigurableApplicationContext context = SampleApplication.application()
					.run("--server.port=0", "--spring.main.banner-mode=off", "--spring.profiles.active=postgres",
							"--MYUSER_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
							"--MYUSER_DB_USER=postgres", "--MYUSER_DB_PASSWORD=postgres")) {
			assertThat(databaseProduct(context)).isEqualTo("PostgreSQL");
			UserAccountService accounts = context.getBean(UserAccountService.class);
			assertThat(accounts.findByEmail(DemoUserInitializer.EMAIL)).as("no demo account on PostgreSQL").isEmpty();
			accounts.createUser(NewUser.withPassword("postgres-profile@example.com", "postgres profile passphrase",
					true), ClientInfo.NONE);

			String access = login(context, "postgres-profile@example.com", "postgres profile passphrase");

			assertThat(get(context, "/api/auth/profile/", access).status()).isEqualTo(200);
			assertThat(send(request(context, "/dev/mailbox").GET()).status()).as("no dev mailbox on PostgreSQL")
				.isEqualTo(401);
			assertThat(get(context, "/dev/mailbox", access).status()).isEqualTo(404);
		}
	}

	private static String databaseProduct(ConfigurableApplicationContext context) throws Exception {
		try (Connection connection = context.getBean(DataSource.class).getConnection()) {
			return connection.getMetaData().getDatabaseProductName();
		}
	}

	private static String login(ConfigurableApplicationContext context, String email, String password) {
		HttpResult result = send(request(context, "/api/auth/token/").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(JSON.writeValueAsString(Map.of("email", email, "password", password)))));
		assertThat(result.status()).as(result.body()).isEqualTo(200);
		return result.json().get("access").asString();
	}

	private static HttpResult get(ConfigurableApplicationContext context, String path, String access) {
		return send(request(context, path).header("Authorization", "Bearer " + access).GET());
	}

	private static HttpRequest.Builder request(ConfigurableApplicationContext context, String path) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
	}

	private static HttpResult send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new HttpResult(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
