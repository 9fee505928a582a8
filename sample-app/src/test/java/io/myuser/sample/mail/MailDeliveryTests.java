package io.myuser.sample.mail;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Emails go to a real SMTP server (GreenMail) from the durable job engine, never from the request: the links they
 * carry work, and while the server is down mail waits and is retried, arriving exactly once when it is back.
 */
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=" + MailDeliveryTests.SMTP_PORT,
		"myuser.mail.from=MyUser Sample <no-reply@sample.example>", "myuser.jobs.polling-interval=100ms",
		"myuser.jobs.retry.initial-delay=300ms", "myuser.jobs.retry.backoff-multiplier=1.5",
		"myuser.jobs.retry.max-attempts=30" })
abstract class MailDeliveryTests extends IntegrationTestSupport {

	static final int SMTP_PORT = 3025;

	private static final Pattern KEY = Pattern.compile("[?&](key|token)=([A-Za-z0-9_%-]+)");

	private static final String PASSWORD = "a long and unusual passphrase";

	private GreenMail smtp;

	@BeforeEach
	void startSmtp() {
		this.smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();
	}

	@AfterEach
	void stopSmtp() {
		this.smtp.stop();
	}

	@Test
	void registration_sends_a_confirmation_whose_link_verifies_then_a_welcome() throws Exception {
		String email = uniqueEmail();

		assertThat(register(email).status()).isEqualTo(201);

		MimeMessage confirmation = awaitMail(email, 1).get(0);
		assertThat(confirmation.getSubject()).isEqualTo("Confirm your email address for myuser-sample");
		assertThat(confirmation.getFrom()[0].toString()).contains("no-reply@sample.example");
		String body = GreenMailUtil.getBody(confirmation);
		assertThat(body).contains("Grace").contains("(UTC)");
		assertThat(postJson(BASE + "/registration/verify-email/", json(Map.of("key", key(body)))).status())
			.isEqualTo(200);
		List<MimeMessage> all = awaitMail(email, 3);
		assertThat(all).extracting(MimeMessage::getSubject)
			.contains("Welcome to myuser-sample", "Your email address is confirmed");
	}

	@Test
	void mail_waits_while_the_smtp_server_is_down_and_arrives_exactly_once() throws Exception {
		this.smtp.stop();
		List<String> emails = List.of(uniqueEmail(), uniqueEmail(), uniqueEmail());
		for (String email : emails) {
			assertThat(register(email).status()).as("the request does not wait for SMTP").isEqualTo(201);
		}
		Thread.sleep(1500);
		this.smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();

		for (String email : emails) {
			awaitMail(email, 1);
		}
		Thread.sleep(1500);
		for (String email : emails) {
			assertThat(mailTo(email)).as(email).hasSize(1);
		}
	}

	@Test
	void a_reset_email_carries_a_working_link_and_the_change_sends_an_alert() throws Exception {
		String email = uniqueEmail();
		createUser(email, PASSWORD);

		postJson(BASE + "/password/reset/", json(Map.of("email", email)));
		MimeMessage reset = awaitMail(email, 1).get(0);
		assertThat(reset.getSubject()).isEqualTo("Reset your myuser-sample password");
		String token = key(GreenMailUtil.getBody(reset));
		HttpResult confirmed = postJson(BASE + "/password/reset/confirm/", json(Map.of("token", token,
				"new_password1", "another long passphrase", "new_password2", "another long passphrase")));

		assertThat(confirmed.status()).isEqualTo(200);
		MimeMessage alert = awaitMail(email, 2).get(1);
		assertThat(alert.getSubject()).isEqualTo("Your myuser-sample password was changed");
		assertThat(GreenMailUtil.getBody(alert)).contains("127.0.0.1");
	}

	@Test
	void a_registration_with_a_registered_address_sends_its_owner_a_notice_instead() throws Exception {
		String email = uniqueEmail();
		createUser(email, PASSWORD);

		assertThat(register(email).status()).isEqualTo(201);

		MimeMessage notice = awaitMail(email, 1).get(0);
		assertThat(notice.getSubject()).isEqualTo("Someone tried to register at myuser-sample with your email address");
		assertThat(GreenMailUtil.getBody(notice)).doesNotContain("key=");
	}

	private HttpResult register(String email) {
		return postJson(BASE + "/registration/", json(Map.of("email", email, "password1", PASSWORD, "password2",
				PASSWORD, "first_name", "Grace")));
	}

	private List<MimeMessage> awaitMail(String email, int count) {
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
			.until(() -> mailTo(email).size() >= count);
		return mailTo(email);
	}

	private List<MimeMessage> mailTo(String email) {
		return Arrays.stream(this.smtp.getReceivedMessages()).filter((message) -> {
			try {
				return message.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(email);
			}
			catch (Exception ex) {
				return false;
			}
		}).toList();
	}

	private static String key(String body) {
		Matcher matcher = KEY.matcher(body.replace("=\r\n", "").replace("=3D", "="));
		assertThat(matcher.find()).as(body).isTrue();
		return java.net.URLDecoder.decode(matcher.group(2), java.nio.charset.StandardCharsets.UTF_8);
	}

}
