package io.myuser.sample.social;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.myuser.account.User;
import io.myuser.sample.test.HttpResult;
import io.myuser.token.LoginRefusedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which account a social login reaches, with the defaults (mandatory verification, no linking by address): a known
 * identity logs its account in; an address of an existing account never links (the owner is told to log in and
 * connect), whoever claims it verified; a new address makes an account without a password, verified exactly as
 * the provider says; and two first logins of one identity at once make one account.
 */
abstract class SocialAccountResolutionTests extends SocialTestSupport {

	@Test
	void an_address_of_an_existing_account_is_never_linked_by_default() {
		String email = uniqueEmail();
		User owner = createUser(email, "the owner's own passphrase");

		HttpResult result = socialLogin("google", body("id_token", googleIdToken(uid(), email, true)));

		assertThat(result.status()).isEqualTo(400);
		assertThat(result.json().get("type").asString()).endsWith("social-connect-required");
		assertThat(result.json().get("detail").asString()).contains("connect");
		assertThat(count("select count(*) from myuser_social_account where user_id = ?", owner.getId())).isZero();
		assertThat(count("select count(*) from myuser_user_session where user_id = ?", owner.getId())).isZero();
	}

	@Test
	void a_new_verified_identity_makes_an_account_without_password_audited_and_welcomed() {
		String email = uniqueEmail();

		HttpResult result = socialLogin("google", body("id_token", googleIdToken(uid(), email, true)));

		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select password_hash from myuser_user where email = ?", String.class,
				email)).isNull();
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = 'ACCOUNT_CREATED'",
				userIdOf(email))).isEqualTo(1);
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = "
				+ "'SOCIAL_ACCOUNT_CONNECTED'", userIdOf(email))).isEqualTo(1);
		assertThat(this.mailbox.awaitMail(email, 1)).singleElement()
			.satisfies((mail) -> assertThat(mail.getSubject()).containsIgnoringCase("welcome"));
	}

	@Test
	void a_new_unverified_address_under_mandatory_verification_gets_the_verification_mail_and_the_password_401() {
		String email = uniqueEmail();
		String subject = uid();

		HttpResult first = socialLogin("google", body("id_token", googleIdToken(subject, email, false)));
		HttpResult again = socialLogin("google", body("id_token", googleIdToken(subject, email, false)));

		for (HttpResult result : List.of(first, again)) {
			assertThat(result.status()).isEqualTo(401);
			assertThat(result.json().get("detail").asString()).isEqualTo(LoginRefusedException.DETAIL);
		}
		assertThat(this.jdbc.queryForObject("select email_verified from myuser_user where email = ?", Boolean.class,
				email)).isFalse();
		assertThat(this.mailbox.awaitMail(email, 1)).singleElement()
			.satisfies((mail) -> assertThat(io.myuser.sample.test.Mailbox.link(mail)).contains("key="));
		assertThat(count("select count(*) from myuser_user where email = ?", email)).isEqualTo(1);
		assertThat(count("select count(*) from myuser_user_session s join myuser_user u on u.id = s.user_id "
				+ "where u.email = ?", email)).isZero();
	}

	@Test
	void an_unverified_provider_address_matching_an_unverified_account_does_not_link_either() {
		String email = uniqueEmail();
		String registered = postJson(BASE + "/registration/", json(java.util.Map.of("email", email, "password1",
				"an unverified owner's passphrase", "password2", "an unverified owner's passphrase"))).body();

		HttpResult result = socialLogin("github", body("access_token", gitHub(email, false)));

		assertThat(result.status()).as(registered + " / " + result.body()).isEqualTo(400);
		assertThat(result.json().get("type").asString()).endsWith("social-connect-required");
		assertThat(count("select count(*) from myuser_social_account a join myuser_user u on u.id = a.user_id "
				+ "where u.email = ?", email)).isZero();
	}

	@Test
	void a_known_identity_of_a_deactivated_account_is_refused_like_a_password_login() {
		String email = uniqueEmail();
		String subject = uid();
		assertThat(socialLogin("google", body("id_token", googleIdToken(subject, email, true))).status())
			.isEqualTo(200);
		this.accounts.setActive(userIdOf(email), false);

		HttpResult result = socialLogin("google", body("id_token", googleIdToken(subject, email, true)));

		assertThat(result.status()).isEqualTo(401);
		assertThat(result.json().get("detail").asString()).isEqualTo(LoginRefusedException.DETAIL);
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = 'LOGIN_FAILED'",
				userIdOf(email))).isEqualTo(1);
	}

	@Test
	void a_password_reset_disconnects_identities_that_never_proved_the_address() {
		String email = uniqueEmail();
		String id = uid();
		facebookUser("EAAB-squatter-" + id, id, email);
		assertThat(socialLogin("facebook", body("access_token", "EAAB-squatter-" + id)).status()).isEqualTo(401);
		java.util.UUID account = userIdOf(email);
		assertThat(count("select count(*) from myuser_social_account where user_id = ?", account)).isEqualTo(1);
		this.mailbox.awaitMail(email, 1);

		assertThat(postJson(BASE + "/password/reset/", json(java.util.Map.of("email", email))).status())
			.isEqualTo(200);
		String key = io.myuser.sample.test.Mailbox.keyOfMailWith(this.mailbox.awaitMail(email, 2), "/reset-password");
		String password = "the real owner's passphrase";
		assertThat(postJson(BASE + "/password/reset/confirm/", json(java.util.Map.of("token", key, "new_password1",
				password, "new_password2", password))).status()).isEqualTo(200);

		assertThat(count("select count(*) from myuser_social_account where user_id = ?", account)).isZero();
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = "
				+ "'SOCIAL_ACCOUNT_DISCONNECTED'", account)).isEqualTo(1);
		facebookUser("EAAB-squatter-again-" + id, id, email);
		HttpResult again = socialLogin("facebook", body("access_token", "EAAB-squatter-again-" + id));
		assertThat(again.status()).as(again.body()).isEqualTo(400);
		assertThat(again.json().get("type").asString()).endsWith("social-connect-required");
	}

	@Test
	void two_first_logins_of_one_identity_at_once_make_one_account_and_both_log_in() throws Exception {
		for (int round = 0; round < 3; round++) {
			String email = uniqueEmail();
			String subject = uid();
			int parallel = 6;
			List<String> tokens = new ArrayList<>();
			for (int i = 0; i < parallel; i++) {
				tokens.add(googleIdToken(subject, email, true));
			}
			CyclicBarrier start = new CyclicBarrier(parallel);
			ExecutorService pool = Executors.newFixedThreadPool(parallel);
			try {
				List<Future<HttpResult>> answers = new ArrayList<>();
				for (String token : tokens) {
					Callable<HttpResult> login = () -> {
						start.await(10, TimeUnit.SECONDS);
						return socialLogin("google", body("id_token", token));
					};
					answers.add(pool.submit(login));
				}
				List<String> userIds = new ArrayList<>();
				for (Future<HttpResult> answer : answers) {
					HttpResult result = answer.get(60, TimeUnit.SECONDS);
					assertThat(result.status()).as(result.body()).isEqualTo(200);
					userIds.add(result.json().get("user").get("id").asString());
				}
				assertThat(userIds).as("round %d", round).containsOnly(userIdOf(email).toString());
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(count("select count(*) from myuser_user where email = ?", email)).isEqualTo(1);
			assertThat(count("select count(*) from myuser_social_account where provider = 'google' and uid = ?",
					subject)).isEqualTo(1);
			assertThat(count("select count(*) from myuser_user_session where user_id = ?", userIdOf(email)))
				.isEqualTo(parallel);
			assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = "
					+ "'ACCOUNT_CREATED'", userIdOf(email))).isEqualTo(1);
		}
	}

	private String gitHub(String email, boolean verified) {
		String token = "gho_" + uid();
		gitHubUser(token, Long.parseLong(uid()), "someone", email, verified);
		return token;
	}

}
