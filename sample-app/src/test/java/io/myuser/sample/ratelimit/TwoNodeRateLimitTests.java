package io.myuser.sample.ratelimit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.myuser.sample.SampleApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of the sample application on one shared store: 10 logins split over both exhaust a 10/min budget
 * once, and the eleventh is refused on either node. Subclasses start the store and name it.
 */
abstract class TwoNodeRateLimitTests {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	/** Starts a node with the sample's defaults, a shared signing secret (the keys' secret derives from it). */
	static ConfigurableApplicationContext startNode(String... storeArguments) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--myuser.token.signing.secret=base64:d5PzzCLazuYIqDwCcaWzkVObVYvLh2lnpALzUcuR6l4=",
				"--sample.demo-user.enabled=false", "--spring.main.banner-mode=off", "--myuser.mail.log-delivery=true",
				"--myuser.web.trusted-proxies=127.0.0.1/32", "--logging.level.root=WARN"));
		arguments.addAll(List.of(storeArguments));
		ConfigurableApplicationContext node = new SpringApplicationBuilder(SampleApplication.class)
			.run(arguments.toArray(String[]::new));
		nodes.add(node);
		return node;
	}

	@AfterAll
	static void stopNodes() {
		nodes.forEach(ConfigurableApplicationContext::close);
		nodes.clear();
	}

	abstract ConfigurableApplicationContext nodeA();

	abstract ConfigurableApplicationContext nodeB();

	@Test
	void ten_logins_split_over_both_nodes_exhaust_the_per_ip_budget_once() throws Exception {
		String client = "198.19." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			statuses.add(login((i % 2 == 0) ? nodeA() : nodeB(), "nobody-" + UUID.randomUUID() + "@example.com",
					client));
		}
		assertThat(statuses).containsOnly(401);
		assertThat(login(nodeA(), "nobody-" + UUID.randomUUID() + "@example.com", client)).isEqualTo(429);
		assertThat(login(nodeB(), "nobody-" + UUID.randomUUID() + "@example.com", client)).isEqualTo(429);
	}

	@Test
	void ten_logins_for_one_address_split_over_both_nodes_exhaust_its_budget_once() throws Exception {
		String email = "target-" + UUID.randomUUID() + "@example.com";
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			statuses.add(login((i % 2 == 0) ? nodeB() : nodeA(), email, "198.19.251." + i));
		}
		assertThat(statuses).containsOnly(401);
		assertThat(login(nodeA(), email, "198.19.252.1")).isEqualTo(429);
		assertThat(login(nodeB(), email, "198.19.252.2")).isEqualTo(429);
	}

	private static int login(ConfigurableApplicationContext node, String email, String client) throws Exception {
		String port = node.getEnvironment().getProperty("local.server.port");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/token/"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", client)
			.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"not it at all\"}"))
			.build();
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
	}

}
