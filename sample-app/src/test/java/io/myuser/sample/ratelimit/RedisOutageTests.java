package io.myuser.sample.ratelimit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.myuser.ratelimit.RateLimits;
import io.myuser.sample.SampleApplication;
import io.myuser.sample.test.RedisServer;
import io.myuser.sample.test.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What logins answer while the Redis store is down: failing open (the default) they go through unlimited and each
 * failed call is counted; failing closed they are refused with 503 problem JSON and {@code Retry-After}. Never a
 * 500. Each test starts a redis-server of its own and stops it under a running application.
 */
@ExtendWith(RedisServerExtension.class)
class RedisOutageTests {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<AutoCloseable> started = new ArrayList<>();

	@AfterEach
	void stop() throws Exception {
		for (int i = this.started.size() - 1; i >= 0; i--) {
			this.started.get(i).close();
		}
	}

	@Test
	void failing_open_lets_logins_through_and_counts_the_failures() throws Exception {
		RedisServer redis = RedisServer.start();
		this.started.add(redis);
		ConfigurableApplicationContext node = startNode(redis, true);
		assertThat(login(node).statusCode()).isEqualTo(401);
		redis.close();

		for (int i = 0; i < 3; i++) {
			assertThat(login(node).statusCode()).as("a login while the store is down").isEqualTo(401);
		}
		assertThat(node.getBean(RateLimits.class).getStoreFailures()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void failing_closed_refuses_logins_with_503_and_retry_after() throws Exception {
		RedisServer redis = RedisServer.start();
		this.started.add(redis);
		ConfigurableApplicationContext node = startNode(redis, false);
		assertThat(login(node).statusCode()).isEqualTo(401);
		redis.close();

		HttpResponse<String> refused = login(node);
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
		JsonNode problem = JSON.readTree(refused.body());
		assertThat(problem.get("type").asString()).endsWith("rate-limit-unavailable");
		assertThat(node.getBean(RateLimits.class).getStoreFailures()).isPositive();
	}

	private ConfigurableApplicationContext startNode(RedisServer redis, boolean failOpen) {
		ConfigurableApplicationContext node = new SpringApplicationBuilder(SampleApplication.class).run(
				"--server.port=0", "--myuser.token.signing.secret=base64:d5PzzCLazuYIqDwCcaWzkVObVYvLh2lnpALzUcuR6l4=",
				"--sample.demo-user.enabled=false", "--spring.main.banner-mode=off", "--myuser.mail.log-delivery=true",
				"--logging.level.root=WARN", "--myuser.rate-limit.store=redis",
				"--spring.data.redis.url=" + redis.uri(), "--spring.data.redis.timeout=500ms",
				"--myuser.rate-limit.fail-open=" + failOpen,
				"--spring.datasource.url=jdbc:h2:mem:outage-${random.uuid};DB_CLOSE_DELAY=-1");
		this.started.add(node);
		return node;
	}

	private static HttpResponse<String> login(ConfigurableApplicationContext node) throws Exception {
		String port = node.getEnvironment().getProperty("local.server.port");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/token/"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"email\":\"nobody-" + UUID.randomUUID() + "@example.com\",\"password\":\"not it\"}"))
			.build();
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
