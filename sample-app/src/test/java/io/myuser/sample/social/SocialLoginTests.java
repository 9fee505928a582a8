package io.myuser.sample.social;

import java.time.Duration;
import java.time.Instant;
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


	// --- Google

	@Test
	void google_access_token_is_checked_at_tokeninfo_and_its_string_email_verified_counts() {
		String email = uniqueEmail();
		String subject = uid();
		FAKES.google().tokeninfo("ya29.good", "google-client", "google-client", subject, email, "true");
		FAKES.google().userinfo("ya29.good", subject, email, "Ada", "Lovelace", "https://pics.example/a.png");

		HttpResult result = socialLogin("google", body("access_token", "ya29.good"));

		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(result.json().get("user").get("first_name").asString()).isEqualTo("Ada");
		assertThat(this.jdbc.queryForObject("select email_verified from myuser_user where email = ?", Boolean.class,
				email)).isTrue();
	}

	@Test
	void google_access_token_issued_to_another_client_is_refused_and_stores_nothing() {
		String email = uniqueEmail();
		String subject = uid();
		FAKES.google().tokeninfo("ya29.other", "other-client", "google-client", subject, email, "true");
		FAKES.google().userinfo("ya29.other", subject, email, "Eve", "Mallory", null);

		HttpResult result = socialLogin("google", body("access_token", "ya29.other"));

		assertRejected(result);
		assertThat(count("select count(*) from myuser_user where email = ?", email)).isZero();
		assertThat(FAKES.requestsTo("/google/userinfo")).as("nothing is asked with a token of another client")
			.isEmpty();
	}

	@Test
	void google_access_token_the_tokeninfo_endpoint_does_not_know_is_refused() {
		assertRejected(socialLogin("google", body("access_token", "ya29.unknown")));
	}

	@Test
	void id_tokens_with_a_wrong_audience_issuer_or_lifetime_are_refused() {
		Instant now = Instant.now();
		List<String> bad = List.of(
				FAKES.google().idToken().subject(uid()).audience("other-client").authorizedParty("other-client").build(),
				FAKES.google().idToken().subject(uid()).issuer("https://accounts.evil.example").build(),
				FAKES.google().idToken().subject(uid()).issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600))
					.build(),
				FAKES.google().idToken().subject(uid()).without("exp").build(),
				FAKES.google().idToken().subject(uid()).audience("google-client", "other-client")
					.authorizedParty("other-client").build());
		for (String token : bad) {
			assertRejected(socialLogin("google", body("id_token", token)));
		}
		assertThat(count("select count(*) from myuser_social_account where provider = 'google' and email = ?",
				"ada@example.com")).isZero();
	}

	@Test
	void id_tokens_signed_with_hs256_none_or_an_unknown_key_are_refused() {
		List<String> forged = List.of(
				FAKES.google().idToken().subject(uid()).signedWithHs256(FAKES.google().clientSecret()).build(),
				FAKES.google().idToken().subject(uid()).unsigned().build(),
				FAKES.google().idToken().subject(uid()).signedWith(io.myuser.sample.social.fake.FakeProviders
					.rsaKey("google-key-1")).build(),
				FAKES.google().idToken().subject(uid()).signedWith(io.myuser.sample.social.fake.FakeProviders
					.rsaKey("unknown-key")).build());
		for (String token : forged) {
			assertRejected(socialLogin("google", body("id_token", token)));
		}
	}

	@Test
	void an_android_id_token_for_this_client_is_accepted_and_a_wrong_nonce_is_refused() {
		String android = FAKES.google().idToken().subject(uid()).email(uniqueEmail())
			.authorizedParty("android-client.apps.googleusercontent.com").nonce("n-1").build();
		String wrongNonce = FAKES.google().idToken().subject(uid()).email(uniqueEmail()).nonce("n-1").build();

		HttpResult accepted = socialLogin("google", Map.of("id_token", android, "nonce", "n-1"));
		HttpResult refused = socialLogin("google", Map.of("id_token", wrongNonce, "nonce", "n-2"));

		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertRejected(refused);
	}

	@Test
	void google_code_is_exchanged_with_the_redirect_uri_and_verifier_and_its_id_token_checked() {
		String email = uniqueEmail();
		String verifier = "v".repeat(50);
		FAKES.google().tokenEndpoint("code-1", verifier,
				FAKES.google().idToken().subject(uid()).email(email).build());

		HttpResult result = socialLogin("google",
				Map.of("code", "code-1", "redirect_uri", APP_CALLBACK, "code_verifier", verifier));

		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(FAKES.requestsTo("/google/token")).singleElement()
			.satisfies((request) -> assertThat(request.form("redirect_uri")).isEqualTo(APP_CALLBACK));
	}

	@Test
	void a_code_with_a_redirect_uri_that_is_not_allowed_is_refused_without_calling_the_provider() {
		HttpResult result = socialLogin("google",
				Map.of("code", "code-2", "redirect_uri", "https://evil.example/callback"));

		assertThat(result.status()).isEqualTo(400);
		assertThat(result.json().get("errors").has("redirect_uri")).as(result.body()).isTrue();
		assertThat(FAKES.requestsTo("/google/token")).isEmpty();
	}

	@Test
	void a_code_the_provider_refuses_is_400() {
		assertRejected(socialLogin("google", Map.of("code", "never-issued", "redirect_uri", APP_CALLBACK)));
	}

	// --- GitHub

	@Test
	void github_token_is_checked_and_the_numeric_id_is_the_uid_whatever_the_login() {
		String email = uniqueEmail();
		long id = Long.parseLong(uid());
		gitHubUser("gho_first", id, "grace", email, true);
		HttpResult first = socialLogin("github", body("access_token", "gho_first"));
		gitHubUser("gho_second", id, "grace-renamed", email, true);

		HttpResult second = socialLogin("github", body("access_token", "gho_second"));

		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		assertThat(second.json().get("user").get("id").asString())
			.isEqualTo(first.json().get("user").get("id").asString());
		assertThat(this.jdbc.queryForObject("select uid from myuser_social_account where provider = 'github' and "
				+ "user_id = ?", String.class, userIdOf(email))).isEqualTo(Long.toString(id));
		assertThat(FAKES.requestsTo("/github-api/applications/github-client/token")).hasSize(2)
			.allSatisfy((request) -> assertThat(request.header("Authorization")).startsWith("Basic "));
	}

	@Test
	void a_github_token_the_check_endpoint_does_not_know_or_of_another_app_is_refused() {
		long id = Long.parseLong(uid());
		FAKES.github().user("gho_unknown", id, "eve", "Eve");
		FAKES.github().token("gho_foreign", id, "eve", "another-app");
		FAKES.github().user("gho_foreign", id, "eve", "Eve");

		assertRejected(socialLogin("github", body("access_token", "gho_unknown")));
		assertRejected(socialLogin("github", body("access_token", "gho_foreign")));
		assertThat(count("select count(*) from myuser_social_account where provider = 'github' and uid = ?",
				Long.toString(id))).isZero();
	}

	@Test
	void a_github_user_without_a_readable_address_gets_400_and_no_account() {
		long id = Long.parseLong(uid());
		FAKES.github().token("gho_noemail", id, "anon");
		FAKES.github().user("gho_noemail", id, "anon", null);
		FAKES.github().emailsRefused("gho_noemail", 404);

		HttpResult result = socialLogin("github", body("access_token", "gho_noemail"));

		assertThat(result.status()).isEqualTo(400);
		assertThat(result.json().get("type").asString()).endsWith("social-email-missing");
		assertThat(count("select count(*) from myuser_social_account where uid = ?", Long.toString(id))).isZero();
	}

	@Test
	void an_id_token_at_github_is_refused() {
		HttpResult result = socialLogin("github", body("id_token", googleIdToken(uid(), uniqueEmail(), true)));

		assertThat(result.status()).isEqualTo(400);
		assertThat(result.json().get("errors").has("id_token")).as(result.body()).isTrue();
	}

	// --- Facebook

	@Test
	void facebook_token_is_checked_with_debug_token_and_every_graph_call_carries_its_proof() {
		String email = uniqueEmail();
		String id = uid();
		facebookUser("EAAB-good", id, email);

		HttpResult result = socialLogin("facebook", body("access_token", "EAAB-good"));

		// Facebook addresses count as unverified: under mandatory verification the new account must verify first.
		assertThat(result.status()).as(result.body()).isEqualTo(401);
		assertThat(this.jdbc.queryForObject("select email_verified from myuser_user where email = ?", Boolean.class,
				email)).isFalse();
		assertThat(this.mailbox.awaitMail(email, 1)).hasSize(1);
		assertThat(FAKES.requestsTo("/graph")).isNotEmpty().allSatisfy((request) -> {
			if (request.query("access_token") != null && !request.path().endsWith("/oauth/access_token")) {
				assertThat(request.query("appsecret_proof"))
					.isEqualTo(FAKES.facebook().appsecretProof(request.query("access_token")));
			}
		});
		assertThat(FAKES.requestsTo("/graph/v23.0/debug_token")).hasSize(1);
	}

	@Test
	void a_facebook_token_of_another_app_or_an_expired_one_is_refused_and_graph_me_is_never_asked() {
		String id = uid();
		FAKES.facebook().debugToken("EAAB-foreign", id, "another-app");
		FAKES.facebook().me("EAAB-foreign", id, uniqueEmail(), "Eve", "Mallory");
		FAKES.facebook().debugTokenExpired("EAAB-expired", id);
		FAKES.facebook().me("EAAB-expired", id, uniqueEmail(), "Eve", "Mallory");

		assertRejected(socialLogin("facebook", body("access_token", "EAAB-foreign")));
		assertRejected(socialLogin("facebook", body("access_token", "EAAB-expired")));
		assertThat(FAKES.requestsTo("/graph/v23.0/me")).isEmpty();
	}

	// --- Generic OpenID Connect

	@Test
	void a_generic_oidc_provider_takes_an_id_token_but_not_an_access_token() {
		String email = uniqueEmail();
		String token = FAKES.acme().idToken().subject(uid()).email(email).build();

		HttpResult withIdToken = socialLogin("acme", body("id_token", token));
		HttpResult withAccessToken = socialLogin("acme", body("access_token", "opaque"));

		assertThat(withIdToken.status()).as(withIdToken.body()).isEqualTo(200);
		assertThat(withAccessToken.status()).isEqualTo(400);
		assertThat(withAccessToken.json().get("errors").has("access_token")).isTrue();
	}

	@Test
	void an_acme_id_token_is_not_a_google_one() {
		String token = FAKES.acme().idToken().subject(uid()).email(uniqueEmail()).build();

		assertRejected(socialLogin("google", body("id_token", token)));
	}

	// --- Provider failures

	@Test
	void a_provider_that_times_out_fails_or_resets_gives_502_problem_json() {
		FAKES.google().tokeninfo("ya29.slow", "google-client", "google-client", uid(), uniqueEmail(), "true")
			.slowerThan(READ_TIMEOUT);
		FAKES.google().tokeninfo("ya29.broken", "google-client", "google-client", uid(), uniqueEmail(), "true")
			.failing(503);
		FAKES.google().tokeninfo("ya29.reset", "google-client", "google-client", uid(), uniqueEmail(), "true")
			.resettingConnection();
		FAKES.github().token("gho_down", 7, "x").failing(500);
		FAKES.facebook().debugToken("EAAB-slow", "7").slowerThan(READ_TIMEOUT);
		FAKES.google().tokenEndpoint("code-slow", googleIdToken(uid(), uniqueEmail(), true))
			.slowerThan(READ_TIMEOUT);

		List<HttpResult> results = List.of(socialLogin("google", body("access_token", "ya29.slow")),
				socialLogin("google", body("access_token", "ya29.broken")),
				socialLogin("google", body("access_token", "ya29.reset")),
				socialLogin("github", body("access_token", "gho_down")),
				socialLogin("facebook", body("access_token", "EAAB-slow")),
				socialLogin("google", Map.of("code", "code-slow", "redirect_uri", APP_CALLBACK)));

		for (HttpResult result : results) {
			assertThat(result.status()).as(result.body()).isEqualTo(502);
			assertThat(result.isProblem()).isTrue();
			assertThat(result.json().get("type").asString()).endsWith("provider-unavailable");
		}
	}

	@Test
	void an_unreachable_jwk_set_is_502_and_a_token_of_an_unknown_key_does_not_pass_meanwhile() {
		FAKES.google().certs().failing(500);
		String token = FAKES.google().idToken().subject(uid())
			.signedWith(io.myuser.sample.social.fake.FakeProviders.rsaKey("rotated-key")).build();

		HttpResult result = socialLogin("google", body("id_token", token));

		assertThat(result.status()).as(result.body()).isEqualTo(502);
		assertThat(result.isProblem()).isTrue();
	}

	private static void assertRejected(HttpResult result) {
		assertThat(result.status()).as(result.body()).isEqualTo(400);
		assertThat(result.isProblem()).isTrue();
		assertThat(result.json().get("type").asString()).endsWith("social-credential-rejected");
	}

}
