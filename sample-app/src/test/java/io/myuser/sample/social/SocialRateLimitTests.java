package io.myuser.sample.social;

import java.time.Duration;

import io.myuser.sample.test.HttpResult;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Social logins, connects and redirect-flow starts spend the client IP's {@code social} budget
 * ({@code myuser.rate-limit.scopes.social.per-ip}, 5 an hour here) before any provider is called: past it, 429 and no
 * call leaves MyUser; the budget comes back after its window.
 */
@TestPropertySource(properties = { "myuser.rate-limit.enabled=true", "myuser.web.trusted-proxies=127.0.0.1/32",
		"myuser.rate-limit.scopes.social.per-ip=5/hour" })
class SocialRateLimitTests extends SocialTestSupport {

	@Test
	void a_flood_of_social_logins_from_one_ip_ends_in_429_without_calling_the_provider() {
		String client = "198.19.0.1";
		for (int i = 0; i < 4; i++) {
			HttpResult refused = postJson(BASE + "/social/github/", json(body("access_token", "gho_flood" + i)),
					"X-Forwarded-For", client);
			assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		}
		HttpResult start = get(BASE + "/social/google/authorize?redirect_to=" + APP_DONE, "X-Forwarded-For", client);
		assertThat(start.status()).isEqualTo(302);
		int calls = FAKES.requestsTo("/github-api").size();

		HttpResult limited = postJson(BASE + "/social/github/", json(body("access_token", "gho_flood")),
				"X-Forwarded-For", client);
		HttpResult other = postJson(BASE + "/social/github/", json(body("access_token", "gho_other")),
				"X-Forwarded-For", "198.19.0.2");

		assertThat(limited.status()).as(limited.body()).isEqualTo(429);
		assertThat(limited.json().get("type").asString()).endsWith("rate-limited");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
		assertThat(FAKES.requestsTo("/github-api")).as("the limited request called no provider").hasSize(calls + 1);
		assertThat(other.status()).as("another client has its own budget").isEqualTo(400);

		this.clock.advance(Duration.ofHours(1));
		assertThat(postJson(BASE + "/social/github/", json(body("access_token", "gho_later")), "X-Forwarded-For",
				client).status()).isEqualTo(400);
	}

}
