package io.myuser.sample.devmail;

import io.myuser.mail.MailDelivery;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code sample.dev-mailbox.enabled=false} (as with the {@code postgres} profile) the dev mailbox does not
 * exist: its paths fall to the sample's own chain, which asks for a token, and answer 404 with one; MyUser's mail
 * delivery is left as it is.
 */
@TestPropertySource(properties = "sample.dev-mailbox.enabled=false")
class DevMailboxDisabledTests extends IntegrationTestSupport {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MailDelivery delivery;

	@Test
	void the_mailbox_is_not_reachable() {
		assertThat(get("/dev/mailbox").status()).isEqualTo(401);
		assertThat(get("/dev/mailbox/messages").status()).isEqualTo(401);

		String email = uniqueEmail();
		createUser(email, "a disabled mailbox passphrase");
		String access = accessToken(email, "a disabled mailbox passphrase");
		assertThat(getWithToken("/dev/mailbox", access).status()).isEqualTo(404);
		assertThat(getWithToken("/dev/mailbox/messages", access).status()).isEqualTo(404);
	}

	@Test
	void nothing_of_it_is_in_the_context() {
		assertThat(this.context.getBeansOfType(DevMailbox.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(DevMailboxController.class)).isEmpty();
		assertThat(this.context.getBeansOfType(org.springframework.security.web.SecurityFilterChain.class))
			.doesNotContainKey("devMailboxSecurityFilterChain");
		assertThat(this.delivery).isNotInstanceOf(RecordingMailDelivery.class);
	}

	@Test
	void the_demo_page_is_still_served() {
		assertThat(get("/").status()).isEqualTo(200);
	}

}
