package io.myuser.sample.tokens;

import java.util.Map;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.sample.tokens.TokenLifecycleTests.Tokens;
import io.myuser.session.SessionService;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code myuser.token.reuse-grace-period=0s} there is no window for a repeated refresh: presenting a
 * just-rotated refresh token again, even at once, is reuse and ends the whole family.
 */
@TestPropertySource(properties = "myuser.token.reuse-grace-period=0s")
abstract class ZeroGracePeriodTests extends IntegrationTestSupport {

	private static final String PASSWORD = "zero grace passphrase";

	@Test
	void repeating_a_refresh_at_once_is_reuse_and_revokes_the_family() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		HttpResult login = login(email, PASSWORD);
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		Tokens first = Tokens.of(login.json());

		HttpResult once = refresh(first.refresh());
		HttpResult twice = refresh(first.refresh());

		assertThat(once.status()).isEqualTo(200);
		assertThat(twice.status()).isEqualTo(401);
		assertThat(twice.isProblem()).isTrue();
		Tokens successor = Tokens.of(once.json());
		assertThat(refresh(successor.refresh()).status()).as("successor of the reused token").isEqualTo(401);
		assertThat(getWithToken(BASE + "/profile/", successor.access()).status()).isEqualTo(401);
		assertThat(this.jdbc.queryForObject("select revoke_reason from myuser_user_session where id = ?",
				String.class, first.sessionId())).isEqualTo(SessionService.REASON_TOKEN_REUSE);
	}

}
