package io.myuser.sample.gdpr;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.myuser.account.NewUser;
import io.myuser.sample.test.CountingPasswordEncoder;
import io.myuser.sample.test.CountingPasswordEncoderConfiguration;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.Mailbox;
import io.myuser.support.ClientInfo;
import io.myuser.support.SecretTokens;
import io.myuser.token.TokenPair;
import io.myuser.token.TokenService;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deletion needs proof of presence and is announced at once, over HTTP with a real SMTP server: {@code DELETE}
 * takes the current password (a missing or wrong one answers 400 on {@code password}, costs one hash and writes
 * nothing), or, for an account without a password, a session started within the re-authentication window (else
 * 403). The request's email gives the date and a withdrawal link whose token is stored hashed only; the link opens
 * a page that changes nothing, and the token withdraws the request once, through {@code data-requests/cancel/}.
 * The password is never stored, logged or put in the job data.
 */
@Import(CountingPasswordEncoderConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
abstract class DeletionConfirmationTests extends GdprTestSupport {

	private static final String CANCEL_PAGE = "http://downloads.example/api/auth/pages/cancel-deletion?token=";

	@Autowired
	private CountingPasswordEncoder encoder;

	@Autowired
	private TokenService tokens;

	@Test
	void a_deletion_without_a_password_answers_400_on_password_costs_one_hash_and_writes_nothing() {
		String email = uniqueEmail();
		String access = userWithToken(email);
		UUID userId = userId(email);

		for (String body : List.of("{\"request_type\": \"DELETE\"}", "{\"request_type\": \"DELETE\", \"password\": null}",
				"{\"request_type\": \"DELETE\", \"notes\": \"bye\", \"password\": null}")) {
			int before = this.encoder.matches();
			HttpResult result = post(access, body);
			assertThat(result.status()).as(body).isEqualTo(400);
			assertThat(result.isProblem()).as(body).isTrue();
			assertThat(result.json().get("errors").get("password").get(0).asString()).as(body)
				.contains("current password");
			assertThat(this.encoder.matches() - before).as("hashes for %s", body).isOne();
		}
		// Blank is no password format at all, for any type: refused before any hash.
		for (String body : List.of("{\"request_type\": \"DELETE\", \"password\": \"\"}",
				"{\"request_type\": \"DELETE\", \"password\": \"   \"}",
				"{\"request_type\": \"DELETE\", \"password\": \"\\t\"}",
				"{\"request_type\": \"EXPORT\", \"password\": \" \"}")) {
			int before = this.encoder.matches();
			HttpResult result = post(access, body);
			assertThat(result.status()).as(body).isEqualTo(400);
			assertThat(result.json().get("errors").has("password")).as(body).isTrue();
			assertThat(this.encoder.matches() - before).as("hashes for %s", body).isZero();
		}
		assertNothingWritten(userId);
		assertThat(count("select count(*) from myuser_data_request where user_id = ?", userId)).as("no export either")
			.isZero();
	}

	@Test
	void a_wrong_password_answers_400_on_password_costs_one_hash_and_writes_nothing() {
		String email = uniqueEmail();
		String access = userWithToken(email);
		UUID userId = userId(email);

		int before = this.encoder.matches();
		HttpResult result = requestDeletion(access, Map.of("password", "not the password"));

		assertThat(result.status()).isEqualTo(400);
		assertThat(result.isProblem()).isTrue();
		assertThat(result.json().get("errors").get("password").get(0).asString()).contains("incorrectly");
		assertThat(this.encoder.matches() - before).isOne();
		assertThat(result.body()).doesNotContain("not the password");
		assertNothingWritten(userId);
	}

	@Test
	void the_right_password_makes_the_request_and_the_email_gives_the_date_and_a_link_stored_hashed_only(
			CapturedOutput output) {
		String email = uniqueEmail();
		String access = userWithToken(email);
		UUID userId = userId(email);

		int before = this.encoder.matches();
		HttpResult created = requestDeletion(access, Map.of("password", PASSWORD, "notes", "bye"));

		UUID requestId = requestId(created);
		assertThat(this.encoder.matches() - before).as("hashes").isOne();
		assertThat(created.body()).doesNotContain(PASSWORD);
		Instant scheduledFor = Instant.parse(created.json().get("scheduled_for").asString());
		MimeMessage notice = awaitNotice(email);
		String text = Mailbox.text(notice);
		assertThat(subjectOf(notice)).isEqualTo("Your myuser-sample account will be deleted on " + when(scheduledFor));
		assertThat(text).contains("will be deleted on " + when(scheduledFor))
			.contains("This link works until " + when(scheduledFor));
		assertThat(Mailbox.link(notice)).startsWith(CANCEL_PAGE);
		String token = Mailbox.key(notice);
		assertThat(token).matches("[A-Za-z0-9_-]{65}");

		Map<String, Object> row = this.jdbc.queryForMap("select * from myuser_one_time_token where user_id = ? and "
				+ "purpose = 'DELETION_CANCEL'", userId);
		assertThat(row.get("token_hash")).isEqualTo(SecretTokens.hash(token));
		assertThat(row.values()).allSatisfy((value) -> assertThat(String.valueOf(value)).doesNotContain(token));
		assertThat(row.get("used_at")).isNull();
		assertThat(this.jdbc.queryForObject("select expires_at from myuser_one_time_token where user_id = ? and "
				+ "purpose = 'DELETION_CANCEL'", java.time.OffsetDateTime.class, userId).toInstant())
			.as("expires with the grace period")
			.isEqualTo(scheduledFor);
		// The password is in no row and no log line; the job data holds the request id only.
		assertThat(this.jdbc.queryForObject("select notes from myuser_data_request where id = ?", String.class,
				requestId)).isEqualTo("bye");
		assertThat(storedTexts()).noneMatch((value) -> value.contains(PASSWORD));
		assertThat(output.getAll()).doesNotContain(PASSWORD);
		assertThat(count("select count(*) from myuser_scheduled_tasks where task_name = 'myuser-gdpr-deletion' and "
				+ "task_instance = ?", requestId.toString())).isOne();
	}

	@Test
	void the_link_opens_a_page_that_changes_nothing_and_its_token_withdraws_the_deletion_once() {
		String email = uniqueEmail();
		String access = userWithToken(email);
		UUID userId = userId(email);
		UUID requestId = requestId(requestDeletion(access, Map.of("password", PASSWORD)));
		String token = Mailbox.key(awaitNotice(email));

		// What a mail scanner does: open the link, any number of times.
		for (int i = 0; i < 3; i++) {
			HttpResult page = get(BASE + "/pages/cancel-deletion?token=" + token, "Accept", "text/html");
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.contentType()).startsWith("text/html");
			assertThat(page.body()).doesNotContain(token).contains("/data-requests/cancel/")
				.contains("Keep my account");
			assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
		}
		assertThat(status(requestId)).isEqualTo("PENDING");
		assertThat(count("select count(*) from myuser_one_time_token where user_id = ? and purpose = "
				+ "'DELETION_CANCEL' and used_at is null", userId)).isOne();

		HttpResult withdrawn = cancel(token);
		HttpResult again = cancel(token);

		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		assertThat(withdrawn.json().get("id").asString()).isEqualTo(requestId.toString());
		assertThat(withdrawn.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(withdrawn.json().has("notes")).as("the link holder does not see the notes").isFalse();
		assertThat(status(requestId)).isEqualTo("CANCELLED");
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.isProblem()).isTrue();
		assertThat(again.json().get("errors").has("token")).isTrue();
		assertThat(status(requestId)).isEqualTo("CANCELLED");
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = "
				+ "'DATA_DELETION_REQUESTED' and details like '%cancelled%'", userId)).isOne();
		this.clock.advance(Duration.ofDays(8));
		await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> "CANCELLED".equals(status(requestId)));
		assertThat(login(email, PASSWORD).status()).as("the account stays").isEqualTo(200);
	}

	@Test
	void a_token_of_a_request_withdrawn_through_the_api_answers_409_stays_unused_and_never_touches_a_later_one() {
		String email = uniqueEmail();
		String access = userWithToken(email);
		UUID requestId = requestId(requestDeletion(access, Map.of("password", PASSWORD)));
		String token = Mailbox.key(awaitNotice(email));
		assertThat(postJson(BASE + "/data-requests/" + requestId + "/cancel/", "", "Authorization", "Bearer " + access)
			.status()).isEqualTo(200);

		HttpResult refused = cancel(token);

		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.json().get("request_status").asString()).isEqualTo("CANCELLED");
		assertThat(count("select count(*) from myuser_one_time_token where token_hash = ? and used_at is null",
				SecretTokens.hash(token))).as("a refused withdrawal leaves the token as it was").isOne();

		UUID next = requestId(requestDeletion(access, Map.of("password", PASSWORD)));
		HttpResult later = cancel(token);

		assertThat(later.status()).as(later.body()).isIn(400, 409);
		assertThat(status(requestId)).isEqualTo("CANCELLED");
		assertThat(status(next)).as("the token names its own request, not the user's next one").isEqualTo("PENDING");
	}

	@Test
	void a_token_of_a_request_that_already_started_changes_nothing() {
		String email = uniqueEmail();
		String access = userWithToken(email);
		UUID requestId = requestId(requestDeletion(access, Map.of("password", PASSWORD)));
		String token = Mailbox.key(awaitNotice(email));

		this.clock.advance(Duration.ofDays(7).plusMinutes(1));
		HttpResult late = cancel(token);
		awaitStatus(requestId, "COMPLETED");
		HttpResult afterwards = cancel(token);

		assertThat(late.status()).as("expired with the grace period: %s", late.body()).isEqualTo(400);
		assertThat(late.json().get("errors").has("token")).isTrue();
		assertThat(afterwards.status()).as(afterwards.body()).isEqualTo(400);
		assertThat(status(requestId)).isEqualTo("COMPLETED");
		assertThat(login(email, PASSWORD).status()).isEqualTo(401);
	}

	@Test
	void an_account_without_a_password_deletes_within_the_window_after_signing_in_and_not_later() {
		UUID fresh = passwordless();
		UUID stale = passwordless();
		String freshAccess = this.tokens.issueForNewAccount(fresh, ClientInfo.NONE).access();
		TokenPair stalePair = this.tokens.issueForNewAccount(stale, ClientInfo.NONE);

		this.clock.advance(Duration.ofMinutes(9));
		int before = this.encoder.matches();
		HttpResult within = requestDeletion(freshAccess, Map.of());
		int hashes = this.encoder.matches() - before;
		this.clock.advance(Duration.ofMinutes(2));
		HttpResult late = requestDeletion(stalePair.access(), Map.of());
		HttpResult lateWithPassword = requestDeletion(stalePair.access(), Map.of("password", PASSWORD));

		assertThat(within.status()).as(within.body()).isEqualTo(201);
		assertThat(hashes).as("one hash, like any check").isOne();
		for (HttpResult refused : List.of(late, lateWithPassword)) {
			assertThat(refused.status()).as(refused.body()).isEqualTo(403);
			assertThat(refused.isProblem()).isTrue();
			assertThat(refused.json().get("type").asString()).isEqualTo("urn:myuser:problem:reauthentication-required");
			assertThat(refused.json().get("reauthentication_window_seconds").asLong()).isEqualTo(600);
		}
		assertNothingWritten(stale);
		assertThat(getWithToken(BASE + "/profile/", stalePair.access()).status()).as("the token itself still works")
			.isEqualTo(200);
		// Signing in again (a new session) lets the user go on.
		String again = this.tokens.issueForNewAccount(stale, ClientInfo.NONE).access();
		assertThat(requestDeletion(again, Map.of()).status()).isEqualTo(201);
	}

	@Test
	void an_export_needs_no_password_and_one_sent_is_ignored_unchecked() {
		String email = uniqueEmail();
		String access = userWithToken(email);

		int before = this.encoder.matches();
		HttpResult export = post(access, json(Map.of("request_type", "EXPORT", "password", "not the password")));

		assertThat(export.status()).as(export.body()).isEqualTo(201);
		assertThat(this.encoder.matches() - before).as("no hash for an export").isZero();
		assertThat(export.body()).doesNotContain("not the password");
	}

	private UUID passwordless() {
		return this.accounts.createUser(new NewUser(uniqueEmail(), null, "Grace", "Hopper", true, false),
				ClientInfo.NONE).getId();
	}

	private UUID userId(String email) {
		return this.accounts.findByEmail(email).orElseThrow().getId();
	}

	private HttpResult requestDeletion(String access, Map<String, String> fields) {
		Map<String, String> body = new java.util.HashMap<>(fields);
		body.put("request_type", "DELETE");
		return post(access, json(body));
	}

	private HttpResult post(String access, String body) {
		return postJson(BASE + "/data-requests/", body, "Authorization", "Bearer " + access, "Accept-Language", "en");
	}

	private HttpResult cancel(String token) {
		return postJson(BASE + "/data-requests/cancel/", json(Map.of("token", token)));
	}

	private MimeMessage awaitNotice(String email) {
		await().atMost(PATIENCE).until(() -> mailTo(email).stream()
			.anyMatch((mail) -> subjectOf(mail).contains("will be deleted")));
		return mailTo(email).stream().filter((mail) -> subjectOf(mail).contains("will be deleted")).findFirst()
			.orElseThrow();
	}

	/** A time as the emails write it: English, medium date and short time, in UTC. */
	private static String when(Instant instant) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(Locale.forLanguageTag("en"))
			.withZone(java.time.ZoneOffset.UTC)
			.format(instant) + " (UTC)";
	}

	private void assertNothingWritten(UUID userId) {
		assertThat(count("select count(*) from myuser_data_request where user_id = ?", userId)).as("requests").isZero();
		assertThat(count("select count(*) from myuser_scheduled_tasks where task_name = 'myuser-gdpr-deletion' and "
				+ "task_instance in (select cast(id as varchar(36)) from myuser_data_request where user_id = ?)", userId))
			.as("jobs")
			.isZero();
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = "
				+ "'DATA_DELETION_REQUESTED'", userId)).as("audit rows").isZero();
	}

	/** The text of every text column of the request, audit and token tables, and every job's data. */
	private List<String> storedTexts() {
		List<String> values = new ArrayList<>();
		values.addAll(this.jdbc.queryForList("select notes from myuser_data_request", String.class));
		values.addAll(this.jdbc.queryForList("select details from myuser_audit_log", String.class));
		values.addAll(this.jdbc.queryForList("select token_hash || ' ' || email from myuser_one_time_token",
				String.class));
		for (byte[] data : this.jdbc.queryForList("select task_data from myuser_scheduled_tasks where task_data is "
				+ "not null", byte[].class)) {
			values.add(new String(data, StandardCharsets.UTF_8));
		}
		return values;
	}

}
