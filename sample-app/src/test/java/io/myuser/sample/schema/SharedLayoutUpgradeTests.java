package io.myuser.sample.schema;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.myuser.account.MyUserPasswordEncoders;
import io.myuser.account.NewUser;
import io.myuser.account.UserAccountService;
import io.myuser.sample.SampleApplication;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.support.ClientInfo;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The sample application started on databases made before MyUser kept its own schema history: the shared layout
 * (MyUser's scripts as versions 0.1 to 0.6 in the host's {@code flyway_schema_history}) moves to the new one on
 * startup and keeps its rows; with MyUser's run switched off, the history a host keeps for MyUser's scripts itself
 * is left as it is. Each test makes its own database and starts the application on it, twice where a second start
 * matters.
 */
abstract class SharedLayoutUpgradeTests {

	private static final String PASSWORD = "shared layout passphrase";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	@TempDir
	Path scratch;

	/**
	 * A new, empty database for one test.
	 * @return the database
	 */
	protected abstract TestDatabase newDatabase();

	@Test
	void a_database_made_by_the_shared_layout_moves_to_myusers_own_history_and_keeps_its_rows() throws Exception {
		TestDatabase database = newDatabase();
		SchemaHistories.migrateSharedLayout(database.dataSource(), this.scratch);
		JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
		assertThat(SchemaHistories.versions(jdbc, "flyway_schema_history")).containsExactly("0.1", "0.2", "0.3",
				"0.4", "0.5", "0.6", "1");
		UUID userId = insertUserAsBefore(jdbc, "before@example.com");
		jdbc.update("insert into sample_note (id, owner_id, text, created_at) values (?, ?, ?, ?)", UUID.randomUUID(),
				userId, "written before the upgrade", Timestamp.from(Instant.now()));

		try (ConfigurableApplicationContext context = start(database)) {
			assertThat(SchemaHistories.versions(jdbc, "flyway_schema_history")).containsExactly("1", "2");
			assertThat(SchemaHistories.scripts(jdbc, "flyway_schema_history"))
				.noneMatch((script) -> script.contains("myuser"));
			assertThat(jdbc.queryForList("select \"type\", \"version\", \"description\" from \"myuser_schema_history\" "
					+ "where \"type\" <> 'TABLE' order by \"installed_rank\"").toString())
				.isEqualTo("[{type=BASELINE, version=6, description=MyUser 0.1 to 0.6 moved from "
						+ "flyway_schema_history}, {type=SQL, version=7, description=myuser rate limit}, "
						+ "{type=SQL, version=8, description=myuser social login}]");

			String access = login(context, "before@example.com");
			HttpResult notes = send(request(context, "/api/notes").header("Authorization", "Bearer " + access).GET());
			assertThat(notes.status()).as(notes.body()).isEqualTo(200);
			assertThat(notes.body()).contains("written before the upgrade");
		}
		List<Map<String, Object>> myUserHistory = SchemaHistories.rows(jdbc, "myuser_schema_history");
		List<Map<String, Object>> hostHistory = SchemaHistories.rows(jdbc, "flyway_schema_history");

		try (ConfigurableApplicationContext context = start(database)) {
			assertThat(SchemaHistories.rows(jdbc, "myuser_schema_history")).as("nothing left to do")
				.isEqualTo(myUserHistory);
			assertThat(SchemaHistories.rows(jdbc, "flyway_schema_history")).isEqualTo(hostHistory);
			login(context, "before@example.com");
		}
	}

	@Test
	void an_older_shared_layout_gets_the_scripts_it_lacked_in_myusers_history() throws Exception {
		TestDatabase database = newDatabase();
		SchemaHistories.migrateSharedLayout(database.dataSource(), this.scratch, 3);
		JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
		assertThat(SchemaHistories.versions(jdbc, "flyway_schema_history")).containsExactly("0.1", "0.2", "0.3", "1");

		try (ConfigurableApplicationContext context = start(database)) {
			assertThat(SchemaHistories.versions(jdbc, "flyway_schema_history")).containsExactly("1", "2");
			assertThat(SchemaHistories.versions(jdbc, "myuser_schema_history")).containsExactly("3", "4", "5", "6", "7", "8");
			createUserAndLogIn(context, "after@example.com");
		}
	}

	@Test
	void with_myusers_run_switched_off_the_history_the_host_keeps_for_myuser_is_left_as_it_is() throws Exception {
		TestDatabase database = newDatabase();
		// The host applies MyUser's scripts with its own tooling, into a history table of its choosing.
		Flyway.configure()
			.dataSource(database.dataSource())
			.locations("classpath:db/myuser/migration")
			.table("accounts_history")
			.installedBy("host-tooling")
			.load()
			.migrate();
		JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
		List<Map<String, Object>> before = SchemaHistories.rows(jdbc, "accounts_history");

		// A Flyway that finds tables and no history of its own needs a baseline: 0, nothing of the host's applied.
		try (ConfigurableApplicationContext context = start(database, "--myuser.flyway.enabled=false",
				"--spring.flyway.baseline-on-migrate=true", "--spring.flyway.baseline-version=0")) {
			assertThat(SchemaHistories.rows(jdbc, "accounts_history")).isEqualTo(before);
			assertThat(SchemaHistories.tableExists(jdbc, "myuser_schema_history")).isFalse();
			assertThat(SchemaHistories.versions(jdbc, "flyway_schema_history")).containsExactly("0", "1", "2");
			createUserAndLogIn(context, "switched-off@example.com");
		}
		// Switched on, MyUser finds its tables without a history of its own and says what to do.
		Throwable failure = catchThrowable(() -> start(database).close());
		assertThat(rootCause(failure)).hasMessageContaining("MyUser's tables exist")
			.hasMessageContaining("myuser.flyway.baseline-version");
		assertThat(SchemaHistories.rows(jdbc, "accounts_history")).isEqualTo(before);
	}

	private ConfigurableApplicationContext start(TestDatabase database, String... extra) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--myuser.token.signing.secret=" + IntegrationTestSupport.SIGNING_SECRET,
				"--sample.demo-user.enabled=false", "--myuser.mail.log-delivery=true",
				"--myuser.gdpr.export.location=" + this.scratch.resolve("exports")));
		args.addAll(List.of(extra));
		return new SpringApplication(SampleApplication.class).run(args.toArray(String[]::new));
	}

	/** An account as MyUser's code of the shared layout left it: a row with a hash of the password. */
	private static UUID insertUserAsBefore(JdbcTemplate jdbc, String email) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
		jdbc.update("insert into myuser_user (id, email, email_canonical, password_hash, first_name, last_name, "
				+ "active, email_verified, staff, date_joined, created_at, updated_at) "
				+ "values (?, ?, ?, ?, 'Ada', 'Lovelace', true, true, false, ?, ?, ?)", id, email, email,
				MyUserPasswordEncoders.createDelegatingPasswordEncoder().encode(PASSWORD), now, now, now);
		return id;
	}

	private static void createUserAndLogIn(ConfigurableApplicationContext context, String email) {
		context.getBean(UserAccountService.class).createUser(NewUser.withPassword(email, PASSWORD, true),
				ClientInfo.NONE);
		login(context, email);
	}

	private static String login(ConfigurableApplicationContext context, String email) {
		HttpResult result = send(request(context, "/api/auth/token/").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(JSON.writeValueAsString(Map.of("email", email, "password", PASSWORD)))));
		assertThat(result.status()).as(result.body()).isEqualTo(200);
		return result.json().get("access").asString();
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

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	/**
	 * A database of one test.
	 *
	 * @param url the JDBC URL
	 * @param username the user
	 * @param password the password
	 * @param dataSource a data source to it, for preparing and checking it
	 */
	protected record TestDatabase(String url, String username, String password, DataSource dataSource) {

	}

}
