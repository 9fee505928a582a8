package io.myuser.sample.accounts;

import java.util.Map;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code myuser.account.email-verification=none}, registration logs the new account in at once.
 */
@TestPropertySource(properties = "myuser.account.email-verification=none")
class RegistrationWithoutVerificationTests extends IntegrationTestSupport {

	@Test
	void registration_answers_tokens_that_work() {
		String email = uniqueEmail();

		HttpResult result = postJson(BASE + "/registration/",
				json(Map.of("email", email, "password", "a long and unusual passphrase")));

		assertThat(result.status()).isEqualTo(201);
		String access = result.json().get("access").asString();
		assertThat(result.json().get("refresh").asString()).isNotBlank();
		assertThat(getWithToken(BASE + "/profile/", access).json().get("email_verified").asBoolean()).isTrue();
		assertThat(postJson(BASE + "/registration/",
				json(Map.of("email", email, "password", "a long and unusual passphrase"))).status()).isEqualTo(400);
	}

}
