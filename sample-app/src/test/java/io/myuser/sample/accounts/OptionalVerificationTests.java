package io.myuser.sample.accounts;

import java.util.Map;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.sample.test.Mailbox;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code myuser.account.email-verification=optional}, registration sends a confirmation email as usual, but
 * the new account can log in before the address is confirmed.
 */
@TestPropertySource(properties = { "myuser.account.email-verification=optional", "spring.mail.host=127.0.0.1",
		Mailbox.SMTP_PORT_PROPERTY, "myuser.jobs.polling-interval=100ms" })
abstract class OptionalVerificationTests extends IntegrationTestSupport {

	private static final String PASSWORD = "a long and unusual passphrase";

	@RegisterExtension
	final Mailbox mailbox = new Mailbox();

	@Test
	void registration_sends_a_confirmation_and_the_account_logs_in_before_verifying() throws Exception {
		String email = uniqueEmail();

		HttpResult registered = postJson(BASE + "/registration/",
				json(Map.of("email", email, "password1", PASSWORD, "password2", PASSWORD)));

		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.json().get("detail").asString()).isEqualTo("Verification e-mail sent.");
		MimeMessage confirmation = this.mailbox.awaitMail(email, 1).get(0);
		assertThat(confirmation.getSubject()).isEqualTo("Confirm your email address for myuser-sample");
		HttpResult login = login(email, PASSWORD);
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		String access = login.json().get("access").asString();
		assertThat(getWithToken(BASE + "/profile/", access).json().get("email_verified").asBoolean()).isFalse();

		assertThat(postJson(BASE + "/registration/verify-email/", json(Map.of("key", Mailbox.key(confirmation))))
			.status()).isEqualTo(200);
		assertThat(getWithToken(BASE + "/profile/", access).json().get("email_verified").asBoolean()).isTrue();
	}

}
