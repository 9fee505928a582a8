package io.myuser.sample.social;

import io.myuser.account.User;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.Mailbox;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code myuser.social.email-authentication=true}, a first social login links to the account holding its
 * address only when both sides proved the address: the provider asserts it verified and the account verified it.
 * Any other case is refused as by default, nothing linked. A link is mailed to the owner and audited.
 */
@TestPropertySource(properties = "myuser.social.email-authentication=true")
class EmailAuthenticationTests extends SocialTestSupport {

	private static final String PASSWORD = "the owner's own passphrase";

	@Test
	void both_sides_verified_links_keeps_the_password_and_tells_the_owner() {
		String email = uniqueEmail();
		User owner = createUser(email, PASSWORD);

		HttpResult result = socialLogin("google", body("id_token", googleIdToken(uid(), email, true)));

		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(result.json().get("user").get("id").asString()).isEqualTo(owner.getId().toString());
		assertThat(count("select count(*) from myuser_social_account where user_id = ?", owner.getId())).isEqualTo(1);
		assertThat(login(email, PASSWORD).status()).as("the password still works").isEqualTo(200);
		assertThat(this.mailbox.awaitMail(email, 1)).singleElement()
			.satisfies((mail) -> assertThat(Mailbox.text(mail)).contains("Google"));
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = "
				+ "'SOCIAL_ACCOUNT_CONNECTED'", owner.getId())).isEqualTo(1);
	}

	@Test
	void a_provider_that_does_not_assert_the_address_never_links() {
		String email = uniqueEmail();
		User owner = createUser(email, PASSWORD);
		String id = uid();
		facebookUser("EAAB-" + id, id, email);

		HttpResult google = socialLogin("google", body("id_token", googleIdToken(uid(), email, false)));
		HttpResult facebook = socialLogin("facebook", body("access_token", "EAAB-" + id));

		for (HttpResult result : java.util.List.of(google, facebook)) {
			assertThat(result.status()).as(result.body()).isEqualTo(400);
			assertThat(result.json().get("type").asString()).endsWith("social-connect-required");
		}
		assertThat(count("select count(*) from myuser_social_account where user_id = ?", owner.getId())).isZero();
	}

	@Test
	void an_account_that_never_verified_its_address_is_not_linked_even_to_a_verified_identity() {
		String email = uniqueEmail();
		User unverified = this.accounts.createUser(
				new io.myuser.account.NewUser(email, PASSWORD, "Pre", "Hijacker", false, false),
				io.myuser.support.ClientInfo.NONE);

		HttpResult result = socialLogin("google", body("id_token", googleIdToken(uid(), email, true)));

		assertThat(result.status()).as(result.body()).isEqualTo(400);
		assertThat(result.json().get("type").asString()).endsWith("social-connect-required");
		assertThat(count("select count(*) from myuser_social_account where user_id = ?", unverified.getId())).isZero();
	}

	@Test
	void an_owner_with_another_identity_at_the_provider_is_not_given_a_second_one() {
		String email = uniqueEmail();
		User owner = createUser(email, PASSWORD);
		assertThat(socialLogin("google", body("id_token", googleIdToken(uid(), email, true))).status())
			.isEqualTo(200);

		HttpResult second = socialLogin("google", body("id_token", googleIdToken(uid(), email, true)));

		assertThat(second.status()).as(second.body()).isEqualTo(400);
		assertThat(count("select count(*) from myuser_social_account where user_id = ?", owner.getId())).isEqualTo(1);
	}

}
