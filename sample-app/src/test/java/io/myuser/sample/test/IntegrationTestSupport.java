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

import com.github.kagkarlsson.scheduler.Scheduler;
import io.myuser.account.NewUser;
import io.myuser.account.User;
import io.myuser.account.UserAccountService;
import io.myuser.sample.SampleApplication;
import io.myuser.support.ClientInfo;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the end-to-end tests: the sample application on a random port, driven over real HTTP with the JDK
 * client, checked through HTTP answers, beans and the database. Subclasses annotated {@link PostgresTest} run
 * the same tests on PostgreSQL. Every test client connects from 127.0.0.1, so rate limiting is off here; the rate
 * limit tests switch it on in contexts of their own.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "myuser.token.signing.secret=" + IntegrationTestSupport.SIGNING_SECRET,
				"spring.datasource.url=jdbc:h2:mem:test-${random.uuid};DB_CLOSE_DELAY=-1",
				"sample.demo-user.enabled=false", "myuser.web.trusted-proxies=127.0.0.2/32",
				"myuser.gdpr.export.location=${java.io.tmpdir}/myuser-test-exports/${random.uuid}",
				"myuser.mail.log-delivery=true", "myuser.rate-limit.enabled=false" })
@Import(IntegrationTestConfiguration.class)
public abstract class IntegrationTestSupport {

	/** Base path of MyUser in the sample app. */
	protected static final String BASE = "/api/auth";

	/** The HS256 signing secret of the tests: 32 random bytes, made once with {@code openssl rand -base64 32}. */
	public static final String SIGNING_SECRET = "base64:6nXGZpkrq67Nc8yuRbJA0643SxPZxgqFANnCjuQ81VU=";

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

	@Autowired
	@Qualifier("myUserScheduler")
	private ObjectProvider<Scheduler> scheduler;

	private boolean jobsPaused;

	@AfterEach
	void resetClock() {
		this.clock.reset();
		// db-scheduler's poll waits until its clock reaches the end of the wait it started: one begun while the test
		// had moved the clock on would last as long as the clock went back. Wake it, so the next poll is on time.
		this.scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions);
	}

	/**
	 * The key bytes of {@link #SIGNING_SECRET}, for tests that sign tokens with the real key.
	 * @return the 32 bytes
	 */
	public static byte[] signingKey() {
		return java.util.Base64.getDecoder().decode(SIGNING_SECRET.substring("base64:".length()));
	}

	@AfterEach
	void resumeJobs() {
		if (this.jobsPaused) {
			// The clock first: resumed jobs must not see a time the test moved on (the order of after-each methods
			// of one class is not defined).
			this.clock.reset();
			this.scheduler.getObject().resume();
			this.jobsPaused = false;
		}
	}

	/**
	 * Stop this node's job engine from starting jobs until the end of the test, and wait for the ones already
	 * running to finish: from then on, jobs enqueued stay in {@code myuser_scheduled_tasks} (a test can count them)
	 * and no recurring job runs beside the test. Jobs resume after the test.
	 */
	protected void pauseJobs() {
		Scheduler jobs = this.scheduler.getObject();
		jobs.pause();
		this.jobsPaused = true;
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> jobs.getCurrentlyExecuting().isEmpty()
					&& count("select count(*) from myuser_scheduled_tasks where picked = ?", true) == 0);
	}

	/** How many jobs are enqueued (waiting or running), of any type. */
	protected long enqueuedJobs() {
		return count("select count(*) from myuser_scheduled_tasks");
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

	/** Create a verified staff account: its access tokens carry the admin authority. */
	protected User createStaff(String email, String password) {
		return this.accounts.createUser(new NewUser(email, password, "Grace", "Hopper", true, true),
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
