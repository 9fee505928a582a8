package io.myuser.sample.tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.sample.tokens.TokenLifecycleTests.Tokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No access token outlives its session: with sessions of ten minutes (the refresh-token lifetime) and access
 * tokens of fifteen, every access token issued, at login or refresh, expires at the session's end at the latest.
 */
@TestPropertySource(properties = { "myuser.token.refresh-token-time-to-live=10m",
		"myuser.token.access-token-time-to-live=15m" })
abstract class SessionEndTests extends IntegrationTestSupport {

	private static final String PASSWORD = "session end passphrase";

	@Test
	void access_tokens_expire_at_the_end_of_their_session_at_the_latest() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		HttpResult login = login(email, PASSWORD);
		assertThat(login.status()).isEqualTo(200);
		Tokens first = Tokens.of(login.json());
		Instant sessionEnd = this.jdbc.queryForObject("select expires_at from myuser_user_session where id = ?",
				Instant.class, first.sessionId());

		this.clock.advance(Duration.ofMinutes(6));
		HttpResult refreshed = refresh(first.refresh());
		assertThat(refreshed.status()).isEqualTo(200);
		Tokens second = Tokens.of(refreshed.json());

		assertThat(expiry(first.access())).isBeforeOrEqualTo(sessionEnd);
		assertThat(expiry(second.access())).isBeforeOrEqualTo(sessionEnd)
			.isBefore(this.clock.instant().plus(Duration.ofMinutes(15)));
		assertThat(getWithToken(BASE + "/profile/", second.access()).status()).isEqualTo(200);
		// Past the session's end (and the 30 s clock skew allowed) the token no longer works, though it is
		// younger than fifteen minutes.
		this.clock.advance(Duration.ofMinutes(4).plusSeconds(31));
		assertThat(getWithToken(BASE + "/profile/", second.access()).status()).isEqualTo(401);
	}

	private static Instant expiry(String jwt) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
		return Instant.ofEpochSecond(JsonMapper.builder().build().readTree(payload).get("exp").asLong());
	}

}
