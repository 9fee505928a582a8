package io.myuser.sample.ratelimit;

import java.util.List;
import java.util.Map;

import io.myuser.account.User;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.sample.test.Mailbox;
import io.myuser.sample.test.MutableClock;
import io.myuser.sample.test.SwitchableRateLimiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A completed password reset forgets the address's failed logins once it has committed. When the rate-limit store
 * fails right then, the reset still answers its success (it is done: the new password works, the link is used),
 * the store is not called again and again for every wait it holds, and one warning says what was not forgotten,
 * without the address.
 */
@TestPropertySource(properties = { "myuser.rate-limit.enabled=true", "myuser.web.trusted-proxies=127.0.0.1/32",
		"spring.mail.host=127.0.0.1", Mailbox.SMTP_PORT_PROPERTY, "myuser.jobs.polling-interval=100ms" })
@Import(PasswordResetWhileTheStoreIsDownTests.DownStoreConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class PasswordResetWhileTheStoreIsDownTests extends IntegrationTestSupport {

	private static final String PASSWORD = "a long and unusual passphrase";

	private static final String NEW_PASSWORD = "another long and unusual passphrase";

	@RegisterExtension
	final Mailbox mailbox = new Mailbox();

	@Autowired
	private SwitchableRateLimiter store;

	@AfterEach
	void bringTheStoreBack() {
		this.store.comeBack();
	}

	@Test
	void a_reset_answers_its_success_when_the_store_cannot_forget_the_failures(CapturedOutput output) {
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);
		String client = "198.19.0.1";
		for (int i = 0; i < 6; i++) {
			assertThat(login(email, "wrong " + i, "X-Forwarded-For", client).status()).isEqualTo(401);
		}
		RateLimitedEndpointsTests.assertRateLimited(login(email, PASSWORD, "X-Forwarded-For", client));
		assertThat(postJson(BASE + "/password/reset/", json(Map.of("email", email)), "X-Forwarded-For", client)
			.status()).isEqualTo(200);
		String key = Mailbox.keyOfMailWith(this.mailbox.awaitMail(email, 2), "/reset-password");

		this.store.goDown();
		String confirm = json(Map.of("token", key, "new_password1", NEW_PASSWORD, "new_password2", NEW_PASSWORD));
		HttpResult reset = postJson(BASE + "/password/reset/confirm/", confirm, "X-Forwarded-For", client);

		assertThat(reset.status()).as(reset.body()).isEqualTo(200);
		assertThat(reset.json().get("detail").asString()).isEqualTo("Password has been reset with the new password.");
		assertThat(this.store.callsWhileDown()).as("store calls after the first failure of the forgetting")
			.isEqualTo(1);
		List<String> warnings = output.getOut()
			.lines()
			.filter((line) -> line.contains("WARN") && line.contains("password reset"))
			.toList();
		assertThat(warnings).hasSize(1);
		assertThat(warnings.get(0)).contains(user.getId().toString()).doesNotContain(email);
		assertThat(output.getOut()).doesNotContain("afterCompletion threw exception");

		this.store.comeBack();
		// Nothing half done: the reset committed as a whole, and the link is used.
		assertThat(login(email, NEW_PASSWORD, "X-Forwarded-For", "198.19.0.2").status()).isEqualTo(200);
		assertThat(login(email, PASSWORD, "X-Forwarded-For", "198.19.0.3").status()).isEqualTo(401);
		assertThat(postJson(BASE + "/password/reset/confirm/", confirm, "X-Forwarded-For", client).status())
			.isEqualTo(400);
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = 'PASSWORD_RESET'",
				user.getId()))
			.isEqualTo(1);
		// What could not be forgotten is forgotten as it would have been without the reset: the client's wait ends.
		RateLimitedEndpointsTests.assertRateLimited(login(email, NEW_PASSWORD, "X-Forwarded-For", client));
		this.clock.advance(java.time.Duration.ofSeconds(61));
		assertThat(login(email, NEW_PASSWORD, "X-Forwarded-For", client).status()).isEqualTo(200);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class DownStoreConfiguration {

		@Bean
		SwitchableRateLimiter switchableRateLimiter(MutableClock clock) {
			return new SwitchableRateLimiter(clock);
		}

	}

}
