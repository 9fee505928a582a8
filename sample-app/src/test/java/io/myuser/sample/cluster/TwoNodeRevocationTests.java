package io.myuser.sample.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.myuser.account.NewUser;
import io.myuser.account.UserAccountService;
import io.myuser.sample.SampleApplication;
import io.myuser.sample.test.EmbeddedPostgresConfiguration;
import io.myuser.sample.test.NeedsPostgres;
import io.myuser.support.ClientInfo;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of the sample application share one PostgreSQL database, as a cluster would. A session revoked on
 * one node is refused by that node on the very next request and by the other node within the configured poll
 * interval (500 ms here; 2 s by default), without any database query per authenticated request.
 */
@NeedsPostgres
class TwoNodeRevocationTests {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static EmbeddedPostgres postgres;

	private static ConfigurableApplicationContext nodeA;

	private static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void startCluster() throws Exception {
		postgres = EmbeddedPostgresConfiguration.start();
		nodeA = startNode();
		nodeB = startNode();
	}

	@AfterAll
	static void stopCluster() throws Exception {
		if (nodeA != null) {
			nodeA.close();
		}
		if (nodeB != null) {
			nodeB.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	private static ConfigurableApplicationContext startNode() {
		// Command-line arguments outrank the sample's application.properties (which names an H2 database).
		return new SpringApplicationBuilder(SampleApplication.class).run(
				"--server.port=0",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres",
				"--myuser.token.signing.secret=base64:d5PzzCLazuYIqDwCcaWzkVObVYvLh2lnpALzUcuR6l4=",
				"--myuser.session.revocation.poll-interval=" + POLL_INTERVAL.toMillis() + "ms",
				"--sample.demo-user.enabled=false",
				"--spring.main.banner-mode=off");
	}

	@Test
	void a_session_revoked_on_one_node_is_refused_by_the_other_within_the_poll_interval() throws Exception {
		nodeA.getBean(UserAccountService.class)
			.createUser(NewUser.withPassword("cluster@example.com", "cluster passphrase", true), ClientInfo.NONE);
		Map<?, ?> tokens = JSON.readValue(post(nodeA, "/api/auth/token/",
				"{\"email\":\"cluster@example.com\",\"password\":\"cluster passphrase\"}", null).body(), Map.class);
		String access = (String) tokens.get("access");
		assertThat(get(nodeB, "/api/greeting", access).statusCode()).isEqualTo(200);
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { nodeA, nodeB }) {
			assertThat(node.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
		}

		HttpResponse<String> logout = post(nodeA, "/api/auth/logout/", "{}", access);
		long revokedAt = System.nanoTime();

		assertThat(logout.statusCode()).isEqualTo(205);
		assertThat(get(nodeA, "/api/greeting", access).statusCode()).as("the revoking node, at once").isEqualTo(401);
		long refusedAt = awaitRefusal(nodeB, access, Duration.ofSeconds(10));
		Duration delay = Duration.ofNanos(refusedAt - revokedAt);
		System.out.println("Revocation reached the second node after " + delay.toMillis() + " ms (poll interval "
				+ POLL_INTERVAL.toMillis() + " ms)");
		assertThat(delay).isLessThanOrEqualTo(POLL_INTERVAL.multipliedBy(3));
	}

	private static long awaitRefusal(ConfigurableApplicationContext node, String access, Duration limit)
			throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (get(node, "/api/greeting", access).statusCode() == 401) {
				return System.nanoTime();
			}
			Thread.sleep(20);
		}
		throw new AssertionError("the second node still accepts the revoked session after " + limit);
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	private static HttpResponse<String> get(ConfigurableApplicationContext node, String path, String access)
			throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(node) + path))
			.header("Authorization", "Bearer " + access)
			.GET()
			.build();
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(ConfigurableApplicationContext node, String path, String body,
			String access) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(node) + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (access != null) {
			request.header("Authorization", "Bearer " + access);
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
