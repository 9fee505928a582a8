package io.myuser.sample.login;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.myuser.account.AccountEvents.VerificationEmailRequested;
import io.myuser.sample.test.CountingPasswordEncoder;
import io.myuser.sample.test.CountingPasswordEncoderConfiguration;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.sample.test.Mailbox;
import io.myuser.sample.test.RecordedEvents;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration followed by a login does not tell whether an address had an account: the right password of a
 * not yet verified account answers exactly the 401 of a wrong password, and the address gets a fresh
 * verification email instead, at most one per {@code myuser.account.unverified-login-email-interval} (5 minutes).
 */
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", Mailbox.SMTP_PORT_PROPERTY,
		"myuser.jobs.polling-interval=100ms" })
@Import(CountingPasswordEncoderConfiguration.class)
abstract class UnverifiedLoginTests extends IntegrationTestSupport {

	private static final String PASSWORD = "a long and unusual passphrase";

	@RegisterExtension
	final Mailbox mailbox = new Mailbox();

	@Autowired
	private RecordedEvents events;

	@Autowired
	private CountingPasswordEncoder encoder;

	@Test
	void register_then_login_answers_a_new_address_and_a_taken_one_alike() {
		String taken = uniqueEmail();
		createUser(taken, "the owner's own passphrase");
		String fresh = uniqueEmail();

		HttpResult registeredFresh = register(fresh);
		HttpResult registeredTaken = register(taken);
		int before = this.encoder.hashes();
		HttpResult loginFresh = login(fresh, PASSWORD);
		int freshHashes = this.encoder.hashes() - before;
		HttpResult loginTaken = login(taken, PASSWORD);
		int takenHashes = this.encoder.hashes() - before - freshHashes;

		assertThat(registeredFresh.status()).isEqualTo(201);
		assertThat(registeredTaken.status()).isEqualTo(201);
		assertThat(registeredFresh.body()).isEqualTo(registeredTaken.body());
		assertThat(loginFresh.status()).isEqualTo(401);
		assertThat(loginTaken.status()).isEqualTo(401);
		assertThat(PasswordLoginTests.withoutInstance(loginFresh)).isEqualTo(PasswordLoginTests.withoutInstance(loginTaken));
		assertThat(loginFresh.header("WWW-Authenticate")).isEqualTo(loginTaken.header("WWW-Authenticate"));
		assertThat(freshHashes).as("password hashes of the right password of an unverified account").isOne();
		assertThat(takenHashes).as("password hashes of a wrong password").isOne();
		assertThat(count("select count(*) from myuser_user_session s join myuser_user u on u.id = s.user_id "
				+ "where u.email_canonical in (?, ?)", fresh, taken)).isZero();
	}

	@Test
	void logins_with_the_right_password_send_one_fresh_working_verification_email_per_interval() throws Exception {
		String email = uniqueEmail();
		assertThat(register(email).status()).isEqualTo(201);
		MimeMessage first = this.mailbox.awaitMail(email, 1).get(0);
		UUID userId = this.accounts.findByEmail(email).orElseThrow().getId();
		assertThat(offers(userId)).isEqualTo(1);

		// Within five minutes of the registration's email, logins send nothing more.
		assertThat(login(email, PASSWORD).status()).isEqualTo(401);
		assertThat(login(email, PASSWORD).status()).isEqualTo(401);
		assertThat(offers(userId)).isEqualTo(1);

		// Later the right password sends one fresh email, a wrong one never does.
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		assertThat(login(email, PASSWORD + "!").status()).isEqualTo(401);
		assertThat(offers(userId)).isEqualTo(1);
		assertThat(login(email, PASSWORD).status()).isEqualTo(401);
		assertThat(login(email, PASSWORD).status()).isEqualTo(401);
		assertThat(offers(userId)).isEqualTo(2);

		List<MimeMessage> mail = this.mailbox.awaitMail(email, 2);
		MimeMessage second = mail.get(1);
		assertThat(second.getSubject()).isEqualTo(first.getSubject());
		assertThat(Mailbox.key(second)).isNotEqualTo(Mailbox.key(first));
		assertThat(postJson(BASE + "/registration/verify-email/", json(Map.of("key", Mailbox.key(second))))
			.status()).isEqualTo(200);
		assertThat(login(email, PASSWORD).status()).isEqualTo(200);
		assertThat(this.mailbox.mailTo(email).stream().filter((m) -> subject(m).equals(subject(first))).count())
			.isEqualTo(2);
	}

	private long offers(UUID userId) {
		return this.events.ofType(VerificationEmailRequested.class)
			.stream()
			.filter((event) -> event.userId().equals(userId))
			.count();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResult register(String email) {
		return postJson(BASE + "/registration/",
				json(Map.of("email", email, "password1", PASSWORD, "password2", PASSWORD)));
	}

}
