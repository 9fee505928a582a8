package io.myuser.sample.tokens;

import java.util.Map;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With rotation switched off, a refresh answers a new access token only and the same refresh token keeps working
 * until it expires.
 */
@TestPropertySource(properties = "myuser.token.rotate-refresh-tokens=false")
abstract class NonRotatingRefreshTests extends IntegrationTestSupport {

	@Test
	void the_same_refresh_token_keeps_working_until_it_expires() {
		String email = uniqueEmail();
		createUser(email, "non rotating passphrase");
		String refresh = login(email, "non rotating passphrase").json().get("refresh").asString();

		for (int i = 0; i < 3; i++) {
			HttpResult result = postJson(BASE + "/token/refresh/", json(Map.of("refresh", refresh)));
			assertThat(result.status()).isEqualTo(200);
			assertThat(result.json().has("refresh")).isFalse();
			assertThat(getWithToken(BASE + "/profile/", result.json().get("access").asString()).status())
				.isEqualTo(200);
			this.clock.advance(java.time.Duration.ofMinutes(5));
		}
		this.clock.advance(java.time.Duration.ofDays(8));
		assertThat(postJson(BASE + "/token/refresh/", json(Map.of("refresh", refresh))).status()).isEqualTo(401);
	}

}
