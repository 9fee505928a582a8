package io.myuser.sample.social;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.myuser.sample.SampleApplication;
import io.myuser.sample.social.fake.FakeProviders;
import io.myuser.sample.test.EmbeddedPostgresConfiguration;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.sample.test.NeedsPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redirect flow on two nodes of the sample application sharing one PostgreSQL database, as a cluster behind a
 * load balancer without sticky sessions: the state and verifier made by one node are used by the other, the
 * exchange code made by one is traded on the other, and of two nodes taking the same state, the same code or the
 * same id_token (its {@code jti}) at the same moment exactly one goes on.
 */
@NeedsPostgres
class SocialRedirectTwoNodePostgresTests {

	private static final String APP_DONE = SocialTestSupport.APP_DONE;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private static FakeProviders fakes;

	private static EmbeddedPostgres postgres;

	private static ConfigurableApplicationContext nodeA;

	private static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void startCluster() throws Exception {
		fakes = FakeProviders.started();
		postgres = EmbeddedPostgresConfiguration.start();
		nodeA = startNode();
		nodeB = startNode();
	}

	@AfterAll
	static void stopCluster() throws Exception {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { nodeA, nodeB }) {
			if (node != null) {
				node.close();
			}
		}
		if (postgres != null) {
			postgres.close();
		}
		if (fakes != null) {
			fakes.stop();
		}
	}

	@AfterEach
	void resetProviders() {
		fakes.reset();
	}

	private static ConfigurableApplicationContext startNode() {
		List<String> args = new ArrayList<>(List.of("--server.port=0",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres",
				"--myuser.token.signing.secret=" + IntegrationTestSupport.SIGNING_SECRET,
				"--sample.demo-user.enabled=false", "--myuser.rate-limit.enabled=false",
				"--spring.main.banner-mode=off", "--myuser.social.callback-base-url=" + SocialTestSupport.API_URL,
				"--myuser.social.allowed-redirects=" + APP_DONE));
		fakes.properties().forEach((name, value) -> args.add("--" + name + "=" + value));
		return new SpringApplicationBuilder(SampleApplication.class).run(args.toArray(new String[0]));
	}

	@Test
	void authorize_on_one_node_then_callback_and_exchange_on_the_other() throws Exception {
		String email = "two-nodes-" + uid() + "@example.com";
		Map<String, String> provider = authorize(nodeA);
		String code = "g-code-" + uid();
		fakes.google()
			.tokenEndpoint(code, fakes.google().idToken().subject(uid()).email(email)
				.nonce(provider.get("nonce")).build());

		HttpResponse<String> back = get(nodeB, "/api/auth/social/google/callback?state="
				+ encode(provider.get("state")) + "&code=" + encode(code));
		String exchangeCode = exchangeCodeOf(back);
		HttpResponse<String> exchanged = exchange(nodeB, exchangeCode);

		assertThat(s256(fakes.requestsTo("/google/token").get(0).form("code_verifier")))
			.as("node B sent the verifier node A made").isEqualTo(provider.get("code_challenge"));
		assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
		JsonNode answer = JSON.readTree(exchanged.body());
		assertThat(answer.get("user").get("email").asString()).isEqualTo(email);
		HttpResponse<String> status = send(nodeA,
				HttpRequest.newBuilder(uri(nodeA, "/api/auth/social/accounts/status/"))
					.header("Authorization", "Bearer " + answer.get("access").asString())
					.GET());
		assertThat(status.statusCode()).isEqualTo(200);
		assertThat(exchange(nodeA, exchangeCode).statusCode()).as("the code is used up on every node").isEqualTo(400);
		assertThat(get(nodeA, "/api/auth/social/google/callback?state=" + encode(provider.get("state")) + "&code="
				+ encode(code)).statusCode()).as("so is the state").isEqualTo(400);
	}

	@Test
	void the_same_state_on_both_nodes_at_once_goes_on_once() throws Exception {
		Map<String, String> provider = authorize(nodeA);
		String code = "g-code-" + uid();
		fakes.google()
			.tokenEndpoint(code, fakes.google().idToken().subject(uid())
				.email("race-" + uid() + "@example.com").nonce(provider.get("nonce")).build());
		String path = "/api/auth/social/google/callback?state=" + encode(provider.get("state")) + "&code="
				+ encode(code);

		List<HttpResponse<String>> answers = atOnce((node) -> get(node, path));

		assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(302, 400);
		HttpResponse<String> won = answers.stream().filter((a) -> a.statusCode() == 302).findFirst().orElseThrow();
		assertThat(exchange(nodeB, exchangeCodeOf(won)).statusCode()).isEqualTo(200);
		assertThat(fakes.requestsTo("/google/token")).hasSize(1);
	}

	@Test
	void the_same_exchange_code_on_both_nodes_at_once_logs_in_once() throws Exception {
		Map<String, String> provider = authorize(nodeB);
		String code = "g-code-" + uid();
		fakes.google()
			.tokenEndpoint(code, fakes.google().idToken().subject(uid())
				.email("race-" + uid() + "@example.com").nonce(provider.get("nonce")).build());
		String exchangeCode = exchangeCodeOf(get(nodeA, "/api/auth/social/google/callback?state="
				+ encode(provider.get("state")) + "&code=" + encode(code)));

		List<HttpResponse<String>> answers = atOnce((node) -> exchange(node, exchangeCode));

		assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 400);
	}

	@Test
	void one_id_token_posted_to_both_nodes_at_once_logs_in_once_and_makes_one_account() throws Exception {
		for (int round = 0; round < 6; round++) {
			String subject = uid();
			String email = "jti-" + uid() + "@example.com";
			String idToken = fakes.google()
				.idToken()
				.subject(subject)
				.email(email)
				.jwtId(UUID.randomUUID().toString())
				.issuedAt(java.time.Instant.now())
				.expiresAt(java.time.Instant.now().plus(Duration.ofMinutes(5)))
				.build();
			String body = JSON.writeValueAsString(Map.of("id_token", idToken));

			List<HttpResponse<String>> answers = atOnce((node) -> send(node,
					HttpRequest.newBuilder(uri(node, "/api/auth/social/google/"))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body))));

			assertThat(answers).as("round %d: %s", round, answers.stream().map(HttpResponse::body).toList())
				.extracting(HttpResponse::statusCode)
				.containsExactlyInAnyOrder(200, 400);
			HttpResponse<String> refused = answers.stream().filter((a) -> a.statusCode() == 400).findFirst()
				.orElseThrow();
			assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			try (var connection = java.sql.DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"),
					"postgres", "");
					var accounts = connection.prepareStatement(
							"select (select count(*) from myuser_user where email = ?), (select count(*) from "
									+ "myuser_social_account where provider = 'google' and uid = ?), (select count(*) "
									+ "from myuser_audit_log a join myuser_user u on u.id = a.user_id where u.email = ? "
									+ "and a.event_type = 'LOGIN')")) {
				accounts.setString(1, email);
				accounts.setString(2, subject);
				accounts.setString(3, email);
				try (var rs = accounts.executeQuery()) {
					rs.next();
					assertThat(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).as("round %d: accounts, identities, "
							+ "logins", round).containsExactly(1L, 1L, 1L);
				}
			}
		}
	}

	private static Map<String, String> authorize(ConfigurableApplicationContext node) throws Exception {
		HttpResponse<String> answer = get(node, "/api/auth/social/google/authorize?redirect_to=" + encode(APP_DONE));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
		assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
		return query(URI.create(answer.headers().firstValue("Location").orElseThrow()));
	}

	private static String exchangeCodeOf(HttpResponse<String> callback) {
		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
		assertThat(callback.headers().allValues("Set-Cookie")).isEmpty();
		String location = callback.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(APP_DONE + "?code=");
		return query(URI.create(location)).get("code");
	}

	/** The same call on node A and node B, released together. */
	private static List<HttpResponse<String>> atOnce(Call call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch ready = new CountDownLatch(2);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<HttpResponse<String>>> futures = new ArrayList<>();
			for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return call.on(node);
				}));
			}
			assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<HttpResponse<String>> answers = new ArrayList<>();
			for (Future<HttpResponse<String>> future : futures) {
				answers.add(future.get(30, TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static HttpResponse<String> exchange(ConfigurableApplicationContext node, String code) throws Exception {
		return send(node, HttpRequest.newBuilder(uri(node, "/api/auth/social/exchange/"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("code", code)))));
	}

	private static HttpResponse<String> get(ConfigurableApplicationContext node, String path) throws Exception {
		return send(node, HttpRequest.newBuilder(uri(node, path)).GET());
	}

	private static HttpResponse<String> send(ConfigurableApplicationContext node, HttpRequest.Builder request)
			throws Exception {
		return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(ConfigurableApplicationContext node, String path) {
		return URI.create("http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort() + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String uid() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/** The decoded query parameters of a URL. */
	private static Map<String, String> query(URI uri) {
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			int equals = pair.indexOf('=');
			params.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return params;
	}

	private static String s256(String verifier) throws Exception {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
	}

	/** A call to one node. */
	@FunctionalInterface
	private interface Call {

		HttpResponse<String> on(ConfigurableApplicationContext node) throws Exception;

	}

}
