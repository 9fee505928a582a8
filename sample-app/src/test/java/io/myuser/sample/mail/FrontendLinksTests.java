package io.myuser.sample.mail;

import java.util.Map;

import io.myuser.mail.MailLinks;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.sample.test.Mailbox;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code myuser.mail.frontend-url} set, email links (verification, reset, deletion withdrawal) point to the
 * host's frontend instead, and the keys they carry work against the JSON API.
 */
@TestPropertySource(properties = { "myuser.mail.frontend-url=https://app.example.com/",
		"spring.mail.host=127.0.0.1", Mailbox.SMTP_PORT_PROPERTY, "myuser.jobs.polling-interval=100ms" })
abstract class FrontendLinksTests extends IntegrationTestSupport {

	private static final String PASSWORD = "a long and unusual passphrase";

	@RegisterExtension
	final Mailbox mailbox = new Mailbox();

	@Autowired
	private MailLinks links;

	@Test
	void links_point_to_the_frontend() {
		assertThat(this.links.verifyEmailUrl()).isEqualTo("https://app.example.com/verify-email");
		assertThat(this.links.resetPasswordUrl()).isEqualTo("https://app.example.com/reset-password");
		assertThat(this.links.cancelDeletionUrl()).isEqualTo("https://app.example.com/cancel-deletion");
	}

	@Test
	void the_deletion_notice_links_to_the_frontend_and_its_token_withdraws_the_deletion_through_the_api() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		String access = accessToken(email, PASSWORD);
		HttpResult created = postJson(BASE + "/data-requests/", json(Map.of("request_type", "DELETE", "password",
				PASSWORD)), "Authorization", "Bearer " + access);
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		MimeMessage notice = this.mailbox.awaitMail(email, 1).get(0);

		assertThat(Mailbox.link(notice)).startsWith("https://app.example.com/cancel-deletion?token=");
		HttpResult withdrawn = postJson(BASE + "/data-requests/cancel/", json(Map.of("token", Mailbox.key(notice))));
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		assertThat(withdrawn.json().get("id").asString()).isEqualTo(created.json().get("id").asString());
		assertThat(withdrawn.json().get("status").asString()).isEqualTo("CANCELLED");
	}

	@Test
	void the_confirmation_and_reset_emails_link_to_the_frontend() {
		String newcomer = uniqueEmail();
		String member = uniqueEmail();
		createUser(member, PASSWORD);

		postJson(BASE + "/registration/", json(Map.of("email", newcomer, "password1", PASSWORD, "password2",
				PASSWORD)));
		postJson(BASE + "/password/reset/", json(Map.of("email", member)));

		MimeMessage confirmation = this.mailbox.awaitMail(newcomer, 1).get(0);
		MimeMessage reset = this.mailbox.awaitMail(member, 1).get(0);
		assertThat(Mailbox.link(confirmation)).startsWith("https://app.example.com/verify-email?key=");
		assertThat(Mailbox.link(reset)).startsWith("https://app.example.com/reset-password?token=");
		assertThat(postJson(BASE + "/registration/verify-email/", json(Map.of("key", Mailbox.key(confirmation))))
			.status()).isEqualTo(200);
		assertThat(postJson(BASE + "/password/reset/confirm/", json(Map.of("token", Mailbox.key(reset),
				"new_password1", "another long passphrase", "new_password2", "another long passphrase")))
			.status()).isEqualTo(200);
	}

}
