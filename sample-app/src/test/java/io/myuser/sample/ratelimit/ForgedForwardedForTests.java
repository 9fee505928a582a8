package io.myuser.sample.ratelimit;

import java.util.Map;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that is not a trusted proxy cannot get a fresh budget by sending {@code X-Forwarded-For}: the limit
 * follows the connection's address (here 127.0.0.1, while only 127.0.0.2 is trusted). Runs in a context of its
 * own, whose login budget for 127.0.0.1 it spends.
 */
@TestPropertySource(properties = { "myuser.rate-limit.enabled=true", "myuser.web.trusted-proxies=127.0.0.2/32",
		"myuser.rate-limit.scopes.login.per-ip=4/hour" })
class ForgedForwardedForTests extends IntegrationTestSupport {

	@Test
	void a_forged_x_forwarded_for_does_not_reset_the_limit() {
		for (int i = 0; i < 4; i++) {
			HttpResult result = postJson(BASE + "/token/", json(Map.of("email", uniqueEmail(), "password", "x")),
					"X-Forwarded-For", "203.0.113." + i);
			assertThat(result.status()).isEqualTo(401);
		}
		for (int i = 4; i < 10; i++) {
			HttpResult refused = postJson(BASE + "/token/", json(Map.of("email", uniqueEmail(), "password", "x")),
					"X-Forwarded-For", "203.0.113." + i, "Forwarded", "for=198.51.100." + i);
			RateLimitedEndpointsTests.assertRateLimited(refused);
		}
	}

}
