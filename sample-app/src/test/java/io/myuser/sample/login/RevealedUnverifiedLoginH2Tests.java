package io.myuser.sample.login;

import java.util.Map;

import io.myuser.account.NewUser;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.support.ClientInfo;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code myuser.account.reveal-unverified-login=true} the right password of an unverified account answers
 * 403 {@code email-not-verified}, for apps that prefer the hint to hiding which addresses have accounts.
 */
@TestPropertySource(properties = "myuser.account.reveal-unverified-login=true")
class RevealedUnverifiedLoginH2Tests extends IntegrationTestSupport {

	private static final String PASSWORD = "a long and unusual passphrase";

	@Test
	void the_right_password_of_an_unverified_account_answers_403_and_a_wrong_one_401() {
		String email = uniqueEmail();
		this.accounts.createUser(NewUser.withPassword(email, PASSWORD, false), ClientInfo.NONE);

		HttpResult right = login(email, PASSWORD);
		HttpResult wrong = login(email, PASSWORD + "!");

		assertThat(right.status()).isEqualTo(403);
		assertThat(right.json().get("type").asString()).endsWith("email-not-verified");
		assertThat(right.json().get("detail").asString()).isNotBlank();
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(count("select count(*) from myuser_user_session where user_id = (select id from myuser_user "
				+ "where email_canonical = ?)", email)).isZero();
		assertThat(postJson(BASE + "/token/", json(Map.of("email", email, "password", PASSWORD))).status())
			.isEqualTo(403);
	}

}
