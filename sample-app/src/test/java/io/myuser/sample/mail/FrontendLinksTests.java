package io.myuser.sample.mail;

import io.myuser.mail.MailLinks;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code myuser.mail.frontend-url} set, email links point to the host's frontend instead.
 */
@TestPropertySource(properties = "myuser.mail.frontend-url=https://app.example.com/")
class FrontendLinksTests extends IntegrationTestSupport {

	@Autowired
	private MailLinks links;

	@Test
	void links_point_to_the_frontend() {
		assertThat(this.links.verifyEmailUrl()).isEqualTo("https://app.example.com/verify-email");
		assertThat(this.links.resetPasswordUrl()).isEqualTo("https://app.example.com/reset-password");
	}

}
