package io.myuser.sample.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.myuser.account.NewUser;
import io.myuser.account.User;
import io.myuser.account.UserAccountService;
import io.myuser.sample.SampleApplication;
import io.myuser.support.ClientInfo;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the end-to-end tests: the sample application on a random port, driven over real HTTP with the JDK
 * client, checked through HTTP answers, beans and the database. Subclasses annotated {@link PostgresTest} run
 * the same tests on PostgreSQL.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "myuser.token.signing.secret=integration-test-secret-0123456789abcdef",
				"spring.datasource.url=jdbc:h2:mem:test-${random.uuid};DB_CLOSE_DELAY=-1",
				"sample.demo-user.enabled=false", "myuser.web.trusted-proxies=127.0.0.2/32",
				"myuser.gdpr.export.location=${java.io.tmpdir}/myuser-test-exports/${random.uuid}",
				"myuser.mail.log-delivery=true" })
@Import(IntegrationTestConfiguration.class)
public abstract class IntegrationTestSupport {

	/** Base path of MyUser in the sample app. */
	protected static final String BASE = "/api/auth";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	@LocalServerPort
	protected int port;

	@Autowired
	protected UserAccountService accounts;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/** A fresh address for each call, so tests sharing a context never collide. */
	protected static String uniqueEmail() {
		return "user" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8)
				+ "@example.com";
	}

	protected User createUser(String email, String password) {
		return this.accounts.createUser(new NewUser(email, password, "Ada", "Lovelace", true, false),
				ClientInfo.NONE);
	}

	protected URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	protected HttpResult postJson(String path, String json, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		return send(request, headers);
	}

	protected HttpResult get(String path, String... headers) {
		return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET(), headers);
	}

	protected HttpResult getWithToken(String path, String accessToken) {
		return get(path, "Authorization", "Bearer " + accessToken);
	}

	protected HttpResult send(HttpRequest.Builder request, String... headers) {
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
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

	/** Log in through {@code POST token/} and return the answer. */
	protected HttpResult login(String email, String password, String... headers) {
		return postJson(BASE + "/token/", json(Map.of("email", email, "password", password)), headers);
	}

	/** Log in and return the access token, failing the test if the login fails. */
	protected String accessToken(String email, String password) {
		HttpResult result = login(email, password);
		if (result.status() != 200) {
			throw new AssertionError("login failed: " + result.status() + " " + result.body());
		}
		return result.json().get("access").asString();
	}

	/** Refresh through {@code POST token/refresh/} and return the answer. */
	protected HttpResult refresh(String refreshToken) {
		return postJson(BASE + "/token/refresh/", json(Map.of("refresh", refreshToken)));
	}

	protected static String json(Map<String, ?> fields) {
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(fields);
	}

	protected long count(String sql, Object... args) {
		Long value = this.jdbc.queryForObject(sql, Long.class, args);
		return (value != null) ? value : 0;
	}

}
