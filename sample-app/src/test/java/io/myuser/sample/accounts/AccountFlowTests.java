package io.myuser.sample.accounts;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.myuser.account.AccountEvents;
import io.myuser.account.EmailLinkTokenPurpose;
import io.myuser.account.EmailLinkTokenService;
import io.myuser.account.User;
import io.myuser.sample.test.CountingPasswordEncoder;
import io.myuser.sample.test.CountingPasswordEncoderConfiguration;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.sample.test.RecordedEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account API end to end: registration with mandatory verification, verification keys, resending, password
 * reset and change, with answers that never reveal whether an address is registered. Emails are checked here as
 * the events the mail feature sends them from; keys are issued through the bean the mail feature uses.
 */
@Import(CountingPasswordEncoderConfiguration.class)
abstract class AccountFlowTests extends IntegrationTestSupport {

	private static final String PASSWORD = "a long and unusual passphrase";

	@Autowired
	private EmailLinkTokenService emailLinkTokens;

	@Autowired
	private RecordedEvents events;

	@Autowired
	private CountingPasswordEncoder encoder;

	/**
	 * The mail jobs a request enqueues issue keys of their own when they run, retiring the keys these tests issue
	 * through the bean (a race the concurrent-use test lost on PostgreSQL): keep them waiting. Emails are checked
	 * here as events; the mails themselves are in MailDeliveryTests.
	 */
	@BeforeEach
	void holdMailJobs() {
		pauseJobs();
	}

	@Test
	void registration_creates_an_unverified_account_that_cannot_log_in_until_verified() {
		String email = uniqueEmail();

		HttpResult result = register(email, PASSWORD, PASSWORD);

		assertThat(result.status()).isEqualTo(201);
		assertThat(result.json().get("detail").asString()).isEqualTo("Verification e-mail sent.");
		User user = this.accounts.findByEmail(email).orElseThrow();
		assertThat(user.isEmailVerified()).isFalse();
		assertThat(user.getFirstName()).isEqualTo("Grace");
		assertThat(this.events.ofType(AccountEvents.VerificationEmailRequested.class))
			.anyMatch((event) -> event.userId().equals(user.getId()));
		// Refused with the answer of a wrong password (see UnverifiedLoginTests).
		assertThat(login(email, PASSWORD).status()).isEqualTo(401);

		HttpResult verified = postJson(BASE + "/registration/verify-email/",
				json(Map.of("key", key(user, EmailLinkTokenPurpose.EMAIL_VERIFICATION))));

		assertThat(verified.status()).isEqualTo(200);
		assertThat(login(email, PASSWORD).status()).isEqualTo(200);
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = 'EMAIL_CHANGE'",
				user.getId())).isOne();
	}

	@Test
	void a_taken_address_answers_exactly_like_a_new_one_and_its_owner_is_told() {
		String email = uniqueEmail();
		User owner = createUser(email, PASSWORD);

		HttpResult taken = register(email.toUpperCase(java.util.Locale.ROOT), PASSWORD + " two", PASSWORD + " two");
		HttpResult fresh = register(uniqueEmail(), PASSWORD, PASSWORD);

		assertThat(taken.status()).isEqualTo(fresh.status()).isEqualTo(201);
		assertThat(taken.body()).isEqualTo(fresh.body());
		assertThat(count("select count(*) from myuser_user where email_canonical = ?", email)).isOne();
		assertThat(this.events.ofType(AccountEvents.RegistrationAttemptedForTakenEmail.class))
			.anyMatch((event) -> event.userId().equals(owner.getId()));
	}

	@Test
	void verification_keys_work_once_and_not_after_they_expire() {
		String email = uniqueEmail();
		register(email, PASSWORD, PASSWORD);
		User user = this.accounts.findByEmail(email).orElseThrow();
		String key = key(user, EmailLinkTokenPurpose.EMAIL_VERIFICATION);
		String expired = key(user, EmailLinkTokenPurpose.EMAIL_VERIFICATION);

		assertThat(verify(key).status()).as("retired by the newer key").isEqualTo(400);
		this.clock.advance(Duration.ofDays(1).plusMinutes(1));
		HttpResult late = verify(expired);
		this.clock.reset();

		assertThat(late.status()).isEqualTo(400);
		assertThat(late.json().get("errors").has("key")).isTrue();
		assertThat(verify("not-a-key").status()).isEqualTo(400);
		String good = key(user, EmailLinkTokenPurpose.EMAIL_VERIFICATION);
		assertThat(verify(good).status()).isEqualTo(200);
		assertThat(verify(good).status()).as("used").isEqualTo(400);
	}

	@Test
	void concurrent_uses_of_one_key_succeed_exactly_once() throws Exception {
		String email = uniqueEmail();
		register(email, PASSWORD, PASSWORD);
		String key = key(this.accounts.findByEmail(email).orElseThrow(), EmailLinkTokenPurpose.EMAIL_VERIFICATION);
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Callable<Integer>> calls = Collections.nCopies(20, () -> verify(key).status());
			int ok = 0;
			for (Future<Integer> status : pool.invokeAll(calls)) {
				assertThat(status.get()).isIn(200, 400);
				ok += (status.get() == 200) ? 1 : 0;
			}
			assertThat(ok).isOne();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void resend_and_reset_answer_the_same_for_known_and_unknown_addresses() {
		String unverified = uniqueEmail();
		register(unverified, PASSWORD, PASSWORD);
		String verified = uniqueEmail();
		createUser(verified, PASSWORD);
		String unknown = uniqueEmail();

		List<HttpResult> resends = List.of(postJson(BASE + "/registration/resend-email/", json(Map.of("email", unverified))),
				postJson(BASE + "/registration/resend-email/", json(Map.of("email", verified))),
				postJson(BASE + "/registration/resend-email/", json(Map.of("email", unknown))));
		List<HttpResult> resets = List.of(postJson(BASE + "/password/reset/", json(Map.of("email", verified))),
				postJson(BASE + "/password/reset/", json(Map.of("email", unknown))));

		assertThat(resends).extracting(HttpResult::status).containsOnly(200);
		assertThat(resends).extracting(HttpResult::body).containsOnly(resends.get(0).body());
		assertThat(resets).extracting(HttpResult::status).containsOnly(200);
		assertThat(resets).extracting(HttpResult::body).containsOnly(resets.get(0).body());
		UUID verifiedId = this.accounts.findByEmail(verified).orElseThrow().getId();
		assertThat(this.events.ofType(AccountEvents.PasswordResetRequested.class))
			.anyMatch((event) -> event.userId().equals(verifiedId));
		assertThat(this.events.ofType(AccountEvents.PasswordResetRequested.class))
			.noneMatch((event) -> event.email().equalsIgnoreCase(unknown));
	}

	@Test
	void a_password_reset_sets_the_new_password_and_ends_every_session() {
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);
		String access = accessToken(email, PASSWORD);
		String token = key(user, EmailLinkTokenPurpose.PASSWORD_RESET);

		HttpResult mismatch = confirm(token, "brand new passphrase 1", "brand new passphrase 2");
		HttpResult confirmed = confirm(token, "brand new passphrase 1", "brand new passphrase 1");

		assertThat(mismatch.status()).isEqualTo(400);
		assertThat(mismatch.json().get("errors").has("new_password2")).isTrue();
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(getWithToken(BASE + "/profile/", access).status()).isEqualTo(401);
		assertThat(login(email, PASSWORD).status()).isEqualTo(401);
		assertThat(login(email, "brand new passphrase 1").status()).isEqualTo(200);
		assertThat(confirm(token, "another new passphrase", "another new passphrase").status()).as("used")
			.isEqualTo(400);
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = 'PASSWORD_RESET'",
				user.getId())).isOne();
	}

	@Test
	void a_password_change_keeps_the_current_session_and_ends_the_others() {
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);
		String here = accessToken(email, PASSWORD);
		String elsewhere = accessToken(email, PASSWORD);

		HttpResult wrongOld = change(here, "not my password", "brand new passphrase 1");
		HttpResult changed = change(here, PASSWORD, "brand new passphrase 1");

		assertThat(wrongOld.status()).isEqualTo(400);
		assertThat(wrongOld.json().get("errors").has("old_password")).isTrue();
		assertThat(changed.status()).isEqualTo(200);
		assertThat(getWithToken(BASE + "/profile/", here).status()).isEqualTo(200);
		assertThat(getWithToken(BASE + "/profile/", elsewhere).status()).isEqualTo(401);
		assertThat(login(email, "brand new passphrase 1").status()).isEqualTo(200);
		assertThat(this.events.ofType(AccountEvents.PasswordChanged.class))
			.anyMatch((event) -> event.userId().equals(user.getId()) && !event.reset());
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = 'PASSWORD_CHANGE'",
				user.getId())).isOne();
		assertThat(change(null, PASSWORD, "x").status()).as("anonymous").isEqualTo(401);
	}

	@Test
	void weak_passwords_are_refused_with_field_errors() {
		String email = uniqueEmail();

		HttpResult common = register(email, "password123", "password123");
		HttpResult ownEmail = register(email, email, email);
		HttpResult shortOne = register(email, "short", "short");
		HttpResult mismatch = register(email, PASSWORD, PASSWORD + "!");

		for (HttpResult result : List.of(common, ownEmail, shortOne)) {
			assertThat(result.status()).isEqualTo(400);
			assertThat(result.json().get("errors").has("password1")).as(result.body()).isTrue();
		}
		assertThat(mismatch.status()).isEqualTo(400);
		assertThat(mismatch.json().get("errors").has("password2")).isTrue();
		assertThat(this.accounts.findByEmail(email)).isEmpty();
	}

	@Test
	void a_reset_to_a_weak_password_is_refused_and_changes_nothing() {
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);
		String access = accessToken(email, PASSWORD);
		String token = key(user, EmailLinkTokenPurpose.PASSWORD_RESET);

		HttpResult shortOne = confirm(token, "short", "short");
		HttpResult common = confirm(token, "password123", "password123");

		for (HttpResult result : List.of(shortOne, common)) {
			assertThat(result.status()).isEqualTo(400);
			assertThat(result.json().get("errors").has("new_password1")).as(result.body()).isTrue();
		}
		assertThat(getWithToken(BASE + "/profile/", access).status()).as("sessions live on").isEqualTo(200);
		assertThat(login(email, "password123").status()).isEqualTo(401);
		assertThat(login(email, PASSWORD).status()).isEqualTo(200);
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = 'PASSWORD_RESET'",
				user.getId())).isZero();
		assertThat(confirm(token, "brand new passphrase 1", "brand new passphrase 1").status())
			.as("the token was not spent").isEqualTo(200);
	}

	@Test
	void a_change_to_a_weak_password_is_refused_and_changes_nothing() {
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);
		String here = accessToken(email, PASSWORD);
		String elsewhere = accessToken(email, PASSWORD);

		HttpResult shortOne = change(here, PASSWORD, "short");
		HttpResult common = change(here, PASSWORD, "password123");

		for (HttpResult result : List.of(shortOne, common)) {
			assertThat(result.status()).isEqualTo(400);
			assertThat(result.json().get("errors").has("new_password1")).as(result.body()).isTrue();
		}
		assertThat(getWithToken(BASE + "/profile/", elsewhere).status()).as("other sessions live on")
			.isEqualTo(200);
		assertThat(login(email, "password123").status()).isEqualTo(401);
		assertThat(login(email, PASSWORD).status()).isEqualTo(200);
		assertThat(this.events.ofType(AccountEvents.PasswordChanged.class))
			.noneMatch((event) -> event.userId().equals(user.getId()));
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = 'PASSWORD_CHANGE'",
				user.getId())).isZero();
	}

	@Test
	void registration_does_the_same_work_for_a_taken_and_a_new_address() {
		String taken = uniqueEmail();
		createUser(taken, PASSWORD);
		// One of each first: the password policy probes the encoder on its first check.
		register(uniqueEmail(), PASSWORD, PASSWORD);
		register(taken, PASSWORD, PASSWORD);

		Work takenAddress = workOf(() -> register(taken, PASSWORD, PASSWORD));
		Work newAddress = workOf(() -> register(uniqueEmail(), PASSWORD, PASSWORD));

		assertThat(takenAddress).as("taken vs new").isEqualTo(newAddress);
		assertThat(newAddress.status()).isEqualTo(201);
		assertThat(newAddress.hashes()).as("password hashes").isOne();
		assertThat(newAddress.jobs()).as("enqueued jobs (the mail)").isOne();
	}

	@Test
	void reset_does_the_same_work_for_a_known_and_an_unknown_address() {
		String known = uniqueEmail();
		createUser(known, PASSWORD);

		Work knownAddress = workOf(() -> postJson(BASE + "/password/reset/", json(Map.of("email", known))));
		Work unknownAddress = workOf(() -> postJson(BASE + "/password/reset/", json(Map.of("email", uniqueEmail()))));

		assertThat(knownAddress).as("known vs unknown").isEqualTo(unknownAddress);
		assertThat(knownAddress.status()).isEqualTo(200);
		assertThat(knownAddress.hashes()).as("password hashes").isZero();
		assertThat(knownAddress.jobs()).as("enqueued jobs (the mail, which finds no account for the unknown one)")
			.isOne();
	}

	@Test
	void resend_does_the_same_work_for_a_known_and_an_unknown_address() {
		String unverified = uniqueEmail();
		register(unverified, PASSWORD, PASSWORD);

		Work knownAddress = workOf(
				() -> postJson(BASE + "/registration/resend-email/", json(Map.of("email", unverified))));
		Work unknownAddress = workOf(
				() -> postJson(BASE + "/registration/resend-email/", json(Map.of("email", uniqueEmail()))));

		assertThat(knownAddress).as("known vs unknown").isEqualTo(unknownAddress);
		assertThat(knownAddress.status()).isEqualTo(200);
		assertThat(knownAddress.hashes()).as("password hashes").isZero();
		assertThat(knownAddress.jobs()).as("enqueued jobs (the mail, which finds no account for the unknown one)")
			.isOne();
	}

	/**
	 * Run a request (the job engine is paused) and return its answer and the work it did: the password hashes
	 * computed (through the host encoder bean) and the jobs it enqueued (rows added to the job table). How long
	 * the answers take is measured by {@code bench/anonymous-answer-timing.sh}, not here.
	 */
	private Work workOf(Supplier<HttpResult> request) {
		int hashesBefore = this.encoder.hashes();
		long jobsBefore = enqueuedJobs();
		HttpResult result = request.get();
		return new Work(result.status(), result.body(), this.encoder.hashes() - hashesBefore,
				enqueuedJobs() - jobsBefore);
	}

	/**
	 * What a request answered and what it cost.
	 *
	 * @param status the status
	 * @param body the body
	 * @param hashes password hashes computed
	 * @param jobs jobs enqueued
	 */
	private record Work(int status, String body, int hashes, long jobs) {
	}

	private String key(User user, EmailLinkTokenPurpose purpose) {
		Duration timeToLive = (purpose == EmailLinkTokenPurpose.EMAIL_VERIFICATION) ? Duration.ofDays(1)
				: Duration.ofHours(1);
		return this.emailLinkTokens.issue(user.getId(), user.getEmail(), purpose, timeToLive).orElseThrow().token();
	}

	private HttpResult register(String email, String password1, String password2) {
		return postJson(BASE + "/registration/", json(Map.of("email", email, "password1", password1, "password2",
				password2, "first_name", "Grace", "last_name", "Hopper")));
	}

	private HttpResult verify(String key) {
		return postJson(BASE + "/registration/verify-email/", json(Map.of("key", key)));
	}

	private HttpResult confirm(String token, String password1, String password2) {
		return postJson(BASE + "/password/reset/confirm/", json(Map.of("uid", "ignored", "token", token,
				"new_password1", password1, "new_password2", password2)));
	}

	private HttpResult change(String access, String oldPassword, String newPassword) {
		String body = json(Map.of("old_password", oldPassword, "new_password1", newPassword, "new_password2",
				newPassword));
		return (access != null) ? postJson(BASE + "/password/change/", body, "Authorization", "Bearer " + access)
				: postJson(BASE + "/password/change/", body);
	}

}
