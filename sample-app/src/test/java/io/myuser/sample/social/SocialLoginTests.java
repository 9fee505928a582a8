package io.myuser.sample.social;

import java.util.List;
import java.util.Map;

import io.myuser.sample.test.HttpResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST social/{provider}/} end to end against the fake providers: each body form of each provider logs in
 * with the contract's body, and every credential not issued to this application, forged, expired or replayed is
 * refused with 400 problem JSON before anything is stored.
 */
abstract class SocialLoginTests extends SocialTestSupport {

	@Test
	void google_id_token_creates_an_account_without_password_and_answers_the_contract_body() {
		String email = uniqueEmail();
		String subject = uid();

		HttpResult result = socialLogin("google", body("id_token", googleIdToken(subject, email, true)));

		assertThat(result.status()).as(result.body()).isEqualTo(200);
		JsonNode answer = result.json();
		assertThat(answer.get("access").asString()).isNotBlank().isEqualTo(answer.get("access_token").asString());
		assertThat(answer.get("refresh").asString()).isNotBlank().isEqualTo(answer.get("refresh_token").asString());
		assertThat(answer.get("user").get("email").asString()).isEqualTo(email);
		assertThat(answer.get("user").get("id").asString()).isEqualTo(userIdOf(email).toString());
		HttpResult status = getWithToken(BASE + "/social/accounts/status/", answer.get("access").asString());
		assertThat(status.status()).isEqualTo(200);
		assertThat(status.json().get("has_password").asBoolean()).isFalse();
		assertThat(status.json().get("social_accounts").get("google").get("uid").asString()).isEqualTo(subject);
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = 'LOGIN' "
				+ "and details like '%google%'", userIdOf(email))).isEqualTo(1);
	}

	@Test
	void the_same_google_identity_logs_in_to_the_same_account_and_a_replayed_id_token_is_refused() {
		String email = uniqueEmail();
		String subject = uid();
		String token = googleIdToken(subject, email, true);

		HttpResult first = socialLogin("google", body("id_token", token));
		HttpResult replay = socialLogin("google", body("id_token", token));
		HttpResult second = socialLogin("google", body("id_token", googleIdToken(subject, email, true)));

		assertThat(first.status()).isEqualTo(200);
		assertThat(replay.status()).isEqualTo(400);
		assertThat(replay.isProblem()).isTrue();
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().get("user").get("id").asString())
			.isEqualTo(first.json().get("user").get("id").asString());
		assertThat(count("select count(*) from myuser_social_account where provider = 'google' and uid = ?", subject))
			.isEqualTo(1);
	}

	@Test
	void unknown_provider_is_404() {
		HttpResult result = socialLogin("myspace", body("access_token", "x"));

		assertThat(result.status()).isEqualTo(404);
		assertThat(result.isProblem()).isTrue();
	}

	@Test
	void bodies_with_no_or_two_credentials_are_400() {
		for (Map<String, String> bad : List.of(Map.<String, String>of(), Map.of("access_token", "a", "id_token", "b"),
				Map.of("code", "c"), Map.of("access_token", "a", "redirect_uri", APP_CALLBACK))) {
			HttpResult result = socialLogin("google", bad);
			assertThat(result.status()).as(bad.toString()).isEqualTo(400);
			assertThat(result.isProblem()).isTrue();
		}
	}

}
