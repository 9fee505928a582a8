package io.myuser.sample.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.myuser.account.User;
import io.myuser.jobs.JobTasks;
import io.myuser.mail.MailJobs;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.sample.test.Mailbox;
import io.myuser.support.SecretTokens;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Emails go to a real SMTP server (GreenMail) from the durable job engine, never from the request: the links they
 * carry work, they are written in the language of the request that caused them, and while the server is down mail
 * waits and is retried, arriving exactly once when it is back.
 */
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", Mailbox.SMTP_PORT_PROPERTY,
		"myuser.mail.from=MyUser Sample <no-reply@sample.example>", "myuser.jobs.polling-interval=100ms",
		"myuser.jobs.retry.initial-delay=300ms", "myuser.jobs.retry.backoff-multiplier=1.5",
		"myuser.jobs.retry.max-attempts=30" })
abstract class MailDeliveryTests extends IntegrationTestSupport {

	private static final String PASSWORD = "a long and unusual passphrase";

	@RegisterExtension
	final Mailbox mailbox = new Mailbox();

	@Test
	void registration_sends_a_confirmation_whose_link_verifies_then_a_welcome() {
		String email = uniqueEmail();

		assertThat(register(email).status()).isEqualTo(201);

		MimeMessage confirmation = this.mailbox.awaitMail(email, 1).get(0);
		assertThat(subject(confirmation)).isEqualTo("Confirm your email address for myuser-sample");
		assertThat(from(confirmation)).contains("no-reply@sample.example");
		assertThat(Mailbox.text(confirmation)).contains("Hello Grace,").contains("(UTC)");
		assertThat(Mailbox.link(confirmation)).as("the built-in page")
			.startsWith("http://localhost:8080/api/auth/pages/verify-email?key=");
		assertThat(verify(Mailbox.key(confirmation)).status()).isEqualTo(200);
		List<MimeMessage> all = this.mailbox.awaitMail(email, 3);
		assertThat(all).extracting(MailDeliveryTests::subject)
			.contains("Welcome to myuser-sample", "Your email address is confirmed");
	}

	@Test
	void a_verification_in_german_gets_german_emails() {
		String email = uniqueEmail();

		assertThat(register(email, "Accept-Language", "de").status()).isEqualTo(201);
		MimeMessage confirmation = this.mailbox.awaitMail(email, 1).get(0);
		assertThat(subject(confirmation)).isEqualTo("Bestätigen Sie Ihre E-Mail-Adresse für myuser-sample");
		assertThat(verify(Mailbox.key(confirmation), "Accept-Language", "de").status()).isEqualTo(200);

		List<MimeMessage> all = this.mailbox.awaitMail(email, 3);
		assertThat(all).extracting(MailDeliveryTests::subject)
			.containsExactlyInAnyOrder("Bestätigen Sie Ihre E-Mail-Adresse für myuser-sample",
					"Willkommen bei myuser-sample", "Ihre E-Mail-Adresse ist bestätigt");
		MimeMessage confirmed = all.stream()
			.filter((message) -> subject(message).equals("Ihre E-Mail-Adresse ist bestätigt"))
			.findFirst()
			.orElseThrow();
		assertThat(Mailbox.text(confirmed)).startsWith("Hallo Grace,")
			.contains("Ihr Konto bei myuser-sample ist vollständig eingerichtet");
	}

	@Test
	void the_key_in_the_email_is_stored_only_as_its_hash() {
		String email = uniqueEmail();
		register(email);
		String key = Mailbox.key(this.mailbox.awaitMail(email, 1).get(0));
		User user = this.accounts.findByEmail(email).orElseThrow();

		List<Map<String, Object>> rows = this.jdbc.queryForList("select * from myuser_one_time_token where user_id = ?",
				user.getId());

		assertThat(rows).hasSize(1);
		Map<String, Object> row = rows.get(0);
		assertThat(row.get("token_hash")).isEqualTo(SecretTokens.hash(key));
		assertThat(row.values()).as("no column holds the key")
			.allSatisfy((value) -> assertThat(String.valueOf(value)).doesNotContain(key));
	}

	@Test
	void a_resend_sends_a_new_working_key_and_retires_the_old_one() {
		String email = uniqueEmail();
		register(email);
		String first = Mailbox.key(this.mailbox.awaitMail(email, 1).get(0));

		HttpResult resent = postJson(BASE + "/registration/resend-email/", json(Map.of("email", email)));

		assertThat(resent.status()).isEqualTo(200);
		MimeMessage again = this.mailbox.awaitMail(email, 2).get(1);
		assertThat(subject(again)).isEqualTo("Confirm your email address for myuser-sample");
		String second = Mailbox.key(again);
		assertThat(second).as("a new key").isNotEqualTo(first);
		User user = this.accounts.findByEmail(email).orElseThrow();
		assertThat(count("select count(*) from myuser_one_time_token where user_id = ? and used_at is null",
				user.getId())).as("one usable key is stored").isOne();
		assertThat(verify(first).status()).as("the old key is retired").isEqualTo(400);
		assertThat(this.accounts.findByEmail(email).orElseThrow().isEmailVerified()).isFalse();
		assertThat(verify(second).status()).as("the new key verifies").isEqualTo(200);
		assertThat(this.accounts.findByEmail(email).orElseThrow().isEmailVerified()).isTrue();
	}

	@Test
	void the_reset_token_in_the_email_is_stored_only_as_its_hash() {
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);
		postJson(BASE + "/password/reset/", json(Map.of("email", email)));
		String token = Mailbox.key(this.mailbox.awaitMail(email, 1).get(0));

		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select * from myuser_one_time_token where user_id = ? and purpose = 'PASSWORD_RESET'", user.getId());

		assertThat(rows).hasSize(1);
		Map<String, Object> row = rows.get(0);
		assertThat(row.get("token_hash")).isEqualTo(SecretTokens.hash(token));
		assertThat(row.values()).as("no column holds the token")
			.allSatisfy((value) -> assertThat(String.valueOf(value)).doesNotContain(token));
		assertThat(count("select count(*) from myuser_one_time_token where token_hash = ?", token))
			.as("the raw token is no stored hash either")
			.isZero();
	}

	@Test
	void a_verification_key_is_refused_as_a_reset_token_and_a_reset_token_as_a_verification_key() {
		String email = uniqueEmail();
		register(email);
		String key = Mailbox.key(this.mailbox.awaitMail(email, 1).get(0));
		String member = uniqueEmail();
		createUser(member, PASSWORD);
		postJson(BASE + "/password/reset/", json(Map.of("email", member)));
		String token = Mailbox.key(this.mailbox.awaitMail(member, 1).get(0));
		String hashBefore = passwordHash(email);

		HttpResult keyAsReset = postJson(BASE + "/password/reset/confirm/", json(Map.of("token", key,
				"new_password1", "another long passphrase", "new_password2", "another long passphrase")));
		HttpResult tokenAsKey = verify(token);

		assertThat(keyAsReset.status()).as(keyAsReset.body()).isEqualTo(400);
		assertThat(keyAsReset.isProblem()).isTrue();
		assertThat(passwordHash(email)).as("the password is unchanged").isEqualTo(hashBefore);
		assertThat(tokenAsKey.status()).as(tokenAsKey.body()).isEqualTo(400);
		assertThat(tokenAsKey.isProblem()).isTrue();
		assertThat(this.accounts.findByEmail(email).orElseThrow().isEmailVerified()).isFalse();
		// Refused for the wrong purpose, neither was spent: each still works for its own.
		assertThat(verify(key).status()).isEqualTo(200);
		assertThat(postJson(BASE + "/password/reset/confirm/", json(Map.of("token", token, "new_password1",
				"another long passphrase", "new_password2", "another long passphrase")))
			.status()).isEqualTo(200);
	}

	@Test
	void mail_waits_while_the_smtp_server_is_down_and_arrives_exactly_once() throws Exception {
		this.mailbox.stop();
		List<String> emails = List.of(uniqueEmail(), uniqueEmail(), uniqueEmail());
		for (String email : emails) {
			assertThat(register(email).status()).as("the request does not wait for SMTP").isEqualTo(201);
		}
		// Every one of the three mail jobs was tried and failed while the server was down.
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> failedMailJobs() >= emails.size());
		assertThat(failedMailJobs()).isGreaterThanOrEqualTo(emails.size());
		assertThat(emails).allSatisfy((email) -> assertThat(this.mailbox.mailTo(email)).isEmpty());
		this.mailbox.start();

		for (String email : emails) {
			this.mailbox.awaitMail(email, 1);
		}
		Thread.sleep(1500);
		for (String email : emails) {
			assertThat(this.mailbox.mailTo(email)).as(email).hasSize(1);
		}
	}

	@Test
	void a_reset_email_carries_a_working_link_and_the_change_sends_an_alert() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);

		postJson(BASE + "/password/reset/", json(Map.of("email", email)));
		MimeMessage reset = this.mailbox.awaitMail(email, 1).get(0);
		assertThat(subject(reset)).isEqualTo("Reset your myuser-sample password");
		assertThat(Mailbox.link(reset)).as("the built-in page")
			.startsWith("http://localhost:8080/api/auth/pages/reset-password?token=");
		HttpResult confirmed = postJson(BASE + "/password/reset/confirm/", json(Map.of("token", Mailbox.key(reset),
				"new_password1", "another long passphrase", "new_password2", "another long passphrase")));

		assertThat(confirmed.status()).isEqualTo(200);
		MimeMessage alert = this.mailbox.awaitMail(email, 2).get(1);
		assertThat(subject(alert)).isEqualTo("Your myuser-sample password was changed");
		assertThat(Mailbox.text(alert)).contains("127.0.0.1");
	}

	@Test
	void a_password_change_sends_an_alert_with_the_time_of_the_change_and_the_ip_address() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		this.clock.pin(Instant.parse("2026-01-02T03:04:05Z"));
		String access = accessToken(email, PASSWORD);

		HttpResult changed = postJson(BASE + "/password/change/",
				json(Map.of("old_password", PASSWORD, "new_password1", "another long passphrase", "new_password2",
						"another long passphrase")),
				"Authorization", "Bearer " + access);

		assertThat(changed.status()).isEqualTo(200);
		List<MimeMessage> mail = this.mailbox.awaitMail(email, 1);
		assertThat(mail).hasSize(1);
		assertThat(subject(mail.get(0))).isEqualTo("Your myuser-sample password was changed");
		assertThat(Mailbox.text(mail.get(0))).contains("Changed at Jan 2, 2026, 3:04")
			.contains("(UTC) from IP address 127.0.0.1.");
	}

	@Test
	void a_registration_with_a_registered_address_sends_its_owner_a_notice_instead() throws Exception {
		String email = uniqueEmail();
		createUser(email, PASSWORD);

		assertThat(register(email).status()).isEqualTo(201);

		MimeMessage notice = this.mailbox.awaitMail(email, 1).get(0);
		assertThat(subject(notice)).isEqualTo("Someone tried to register at myuser-sample with your email address");
		assertThat(Mailbox.text(notice)).doesNotContain("key=");
		Thread.sleep(1500);
		assertThat(this.mailbox.mailTo(email)).as("the notice is the only email of the attempt").hasSize(1);
	}

	private String passwordHash(String email) {
		return this.jdbc.queryForObject("select password_hash from myuser_user where email_canonical = ?", String.class,
				email.toLowerCase(java.util.Locale.ROOT));
	}

	private long failedMailJobs() {
		return count("select count(*) from " + JobTasks.TABLE_NAME
				+ " where task_name = ? and consecutive_failures > 0", MailJobs.SEND.name());
	}

	private HttpResult register(String email, String... headers) {
		return postJson(BASE + "/registration/", json(Map.of("email", email, "password1", PASSWORD, "password2",
				PASSWORD, "first_name", "Grace")), headers);
	}

	private HttpResult verify(String key, String... headers) {
		return postJson(BASE + "/registration/verify-email/", json(Map.of("key", key)), headers);
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String from(MimeMessage message) {
		try {
			return message.getFrom()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
