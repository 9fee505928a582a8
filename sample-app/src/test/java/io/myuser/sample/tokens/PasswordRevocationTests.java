package io.myuser.sample.tokens;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.myuser.mail.MailDelivery;
import io.myuser.mail.RenderedMail;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.sample.tokens.TokenLifecycleTests.Tokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A password change ends the refresh families of the user's other sessions and keeps the current one; a password
 * reset ends all of them. The reset link is read from the email itself, captured by a recording
 * {@link MailDelivery} that replaces the logging one (no SMTP server).
 */
@Import(PasswordRevocationTests.MailCaptureConfiguration.class)
@TestPropertySource(properties = "myuser.jobs.polling-interval=100ms")
abstract class PasswordRevocationTests extends IntegrationTestSupport {

	private static final String PASSWORD = "password revocation passphrase";

	private static final String NEW_PASSWORD = "a fresh revocation passphrase";

	private static final Pattern RESET_TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_%.-]+)");

	@Autowired
	private RecordingMailDelivery mail;

	@Test
	void a_password_change_ends_the_other_sessions_refresh_tokens_and_keeps_the_current_one() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		Tokens here = startSession(email, PASSWORD);
		Tokens elsewhere = startSession(email, PASSWORD);

		HttpResult changed = postJson(BASE + "/password/change/", json(Map.of("old_password", PASSWORD,
				"new_password1", NEW_PASSWORD, "new_password2", NEW_PASSWORD)), "Authorization",
				"Bearer " + here.access());

		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		HttpResult otherRefresh = refresh(elsewhere.refresh());
		assertThat(otherRefresh.status()).as("the other session").isEqualTo(401);
		assertThat(otherRefresh.isProblem()).isTrue();
		HttpResult currentRefresh = refresh(here.refresh());
		assertThat(currentRefresh.status()).as("the current session").isEqualTo(200);
		assertThat(getWithToken(BASE + "/profile/", Tokens.of(currentRefresh.json()).access()).status())
			.isEqualTo(200);
	}

	@Test
	void a_password_reset_ends_every_refresh_token_of_the_user() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		Tokens phone = startSession(email, PASSWORD);
		Tokens laptop = startSession(email, PASSWORD);
		Tokens rotated = Tokens.of(refresh(laptop.refresh()).json());

		assertThat(postJson(BASE + "/password/reset/", json(Map.of("email", email))).status()).isEqualTo(200);
		String token = awaitResetToken(email);
		HttpResult confirmed = postJson(BASE + "/password/reset/confirm/", json(Map.of("token", token,
				"new_password1", NEW_PASSWORD, "new_password2", NEW_PASSWORD)));

		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		for (String refreshToken : List.of(phone.refresh(), laptop.refresh(), rotated.refresh())) {
			assertThat(refresh(refreshToken).status()).isEqualTo(401);
		}
		Tokens afterReset = startSession(email, NEW_PASSWORD);
		assertThat(refresh(afterReset.refresh()).status()).as("a session started after the reset").isEqualTo(200);
	}

	private String awaitResetToken(String email) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> resetToken(email), (token) -> token != null);
	}

	private String resetToken(String email) {
		for (RenderedMail sent : this.mail.sent) {
			Matcher matcher = RESET_TOKEN.matcher(sent.text());
			if (sent.to().equalsIgnoreCase(email) && matcher.find()) {
				return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	private Tokens startSession(String email, String password) {
		HttpResult result = login(email, password);
		assertThat(result.status()).as(result.body()).isEqualTo(200);
		return Tokens.of(result.json());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MailCaptureConfiguration {

		@Bean
		RecordingMailDelivery recordingMailDelivery() {
			return new RecordingMailDelivery();
		}

	}

	static final class RecordingMailDelivery implements MailDelivery {

		final List<RenderedMail> sent = new CopyOnWriteArrayList<>();

		@Override
		public void deliver(RenderedMail mail) {
			this.sent.add(mail);
		}

	}

}
