package io.myuser.sample.gdpr;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import io.myuser.account.NewUser;
import io.myuser.personaldata.UserDataEraser;
import io.myuser.sample.test.HttpResult;
import io.myuser.social.SocialAccount;
import io.myuser.social.SocialAccountRepository;
import io.myuser.support.ClientInfo;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Account deletion end to end: a deletion request waits its grace period, during which it can be withdrawn; then
 * the account's sessions end, its personal data is erased or anonymised in every table (checked column by column
 * for its address, names, client address and user agent), audit rows stay pseudonymised, the host's eraser
 * deletes the host's data, the address can register again and a confirmation goes to the former address. An
 * erasure that fails is rolled back as a whole.
 */
@TestPropertySource(properties = "myuser.web.trusted-proxies=127.0.0.1/32")
@Import(AccountDeletionTests.EraserConfiguration.class)
abstract class AccountDeletionTests extends GdprTestSupport {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private SocialAccountRepository socialAccounts;

	@Autowired
	private FaultInjectingExportStorage storage;

	@Autowired
	private FailingEraser failingEraser;

	@Test
	void after_its_grace_period_a_deletion_erases_the_account_everywhere_and_confirms_by_email() throws Exception {
		Person person = Person.random();
		// Before the account exists, a failed login leaves an audit row naming the address under no user.
		assertThat(postJson(BASE + "/token/", json(Map.of("email", person.email(), "password", PASSWORD)),
				person.headers()).status()).isEqualTo(401);
		UUID userId = this.accounts.createUser(new NewUser(person.email(), PASSWORD, person.firstName(),
				person.lastName(), true, false), ClientInfo.NONE).getId();
		String access = leaveTraces(person, userId);
		HttpResult requested = postJson(BASE + "/data-requests/",
				json(Map.of("request_type", "DELETE", "notes", "Bye from " + person.lastName(), "password", PASSWORD)),
				person.headers("Authorization", "Bearer " + access));
		UUID requestId = requestId(requested);

		this.clock.advance(Duration.ofDays(7).minusMinutes(1));
		HttpResult freshLogin = login(person.email(), PASSWORD);
		String fresh = freshLogin.json().get("access").asString();
		String freshRefresh = freshLogin.json().get("refresh").asString();
		assertThat(getWithToken(BASE + "/profile/", fresh).status()).as("usable during the grace period")
			.isEqualTo(200);
		assertThat(status(requestId)).isEqualTo("PENDING");
		this.clock.advance(Duration.ofMinutes(2));

		awaitStatus(requestId, "COMPLETED");
		// Reset, export ready, deletion scheduled, then the confirmation.
		MimeMessage confirmation = awaitMail(person.email(), 4).stream()
			.filter((mail) -> subjectOf(mail).contains("was deleted"))
			.findFirst()
			.orElseThrow();
		assertThat(body(confirmation)).contains(person.firstName());

		assertThat(getWithToken(BASE + "/profile/", fresh).status()).as("a token within its lifetime").isEqualTo(401);
		assertThat(getWithToken("/api/notes", fresh).status()).isEqualTo(401);
		assertThat(refresh(freshRefresh).status())
			.as("the refresh family ends too").isEqualTo(401);
		assertThat(count("select count(*) from sample_note where owner_id = ?", userId)).as("host eraser").isZero();
		assertThat(count("select count(*) from myuser_social_account where user_id = ?", userId)).isZero();
		assertThat(count("select count(*) from myuser_user_session where user_id = ? and revoked_at is null and "
				+ "expires_at > ?", userId, java.time.OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC)))
			.as("live sessions").isZero();
		assertThat(count("select count(*) from myuser_audit_log where user_id = ?", userId))
			.as("the audit trail stays").isGreaterThanOrEqualTo(5);
		await().atMost(PATIENCE).until(() -> count("select count(*) from myuser_audit_log where user_id = ? and "
				+ "event_type = 'ACCOUNT_DELETED'", userId) == 1);
		assertThat(storedFiles(this.storage)).as("the export archive is gone")
			.noneMatch((name) -> name.contains(exportRequestId(userId)));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(PersonalData.found(this.dataSource, this.jdbc, person)).isEmpty());

		HttpResult login = login(person.email(), PASSWORD);
		assertThat(login.status()).isEqualTo(401);
		assertThat(login.body()).isEqualTo(login(uniqueEmail(), PASSWORD).body());

		assertThat(postJson(BASE + "/registration/", json(Map.of("email", person.email(), "password1", PASSWORD,
				"password2", PASSWORD))).status()).as("the address is free again").isEqualTo(201);
	}

	@Test
	void a_withdrawn_deletion_erases_nothing() {
		Person person = Person.random();
		this.accounts.createUser(new NewUser(person.email(), PASSWORD, person.firstName(), person.lastName(), true,
				false), ClientInfo.NONE);
		String access = accessToken(person.email(), PASSWORD);
		UUID requestId = requestId(requestData(access, "DELETE"));

		HttpResult withdrawn = postJson(BASE + "/data-requests/" + requestId + "/cancel/", "", "Authorization",
				"Bearer " + access);
		this.clock.advance(Duration.ofDays(8));

		assertThat(withdrawn.status()).isEqualTo(200);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
			.until(() -> "CANCELLED".equals(status(requestId)));
		String fresh = accessToken(person.email(), PASSWORD);
		assertThat(getWithToken(BASE + "/profile/", fresh).json().get("last_name").asString())
			.isEqualTo(person.lastName());
	}

	@Test
	void an_erasure_that_fails_is_rolled_back_whole_and_the_request_ends_failed() {
		Person person = Person.random();
		UUID userId = this.accounts.createUser(new NewUser(person.email(), PASSWORD, person.firstName(),
				person.lastName(), true, false), ClientInfo.NONE).getId();
		String access = leaveTraces(person, userId);
		this.failingEraser.failFor(userId);
		UUID requestId = requestId(requestData(access, "DELETE"));
		this.clock.advance(Duration.ofDays(7).plusMinutes(1));

		awaitStatus(requestId, "FAILED");

		assertThat(this.failingEraser.calls(userId)).as("attempts").isEqualTo(3);
		assertThat(login(person.email(), PASSWORD).status()).isEqualTo(200);
		assertThat(count("select count(*) from sample_note where owner_id = ?", userId)).isOne();
		assertThat(count("select count(*) from myuser_social_account where user_id = ?", userId)).isOne();
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and ip_address = ?", userId,
				person.ip())).isPositive();
		assertThat(count("select count(*) from myuser_user where id = ? and last_name = ?", userId,
				person.lastName())).isOne();
		assertThat(this.jdbc.queryForObject("select notes from myuser_data_request where id = ?", String.class,
				requestId)).contains("Processing failed").contains("injected eraser failure");
	}

	/** Use the account the ways that leave personal data in MyUser's tables and the host's. */
	private String leaveTraces(Person person, UUID userId) {
		HttpResult failed = postJson(BASE + "/token/", json(Map.of("email", person.email().toUpperCase(Locale.ROOT),
				"password", "wrong password")), person.headers());
		assertThat(failed.status()).isEqualTo(401);
		HttpResult login = postJson(BASE + "/token/", json(Map.of("email", person.email(), "password", PASSWORD)),
				person.headers());
		assertThat(login.status()).isEqualTo(200);
		String access = login.json().get("access").asString();
		HttpResult consent = send(java.net.http.HttpRequest.newBuilder(uri(BASE + "/profile/"))
			.header("Content-Type", "application/json")
			.method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"marketing_consent\": true}")),
				person.headers("Authorization", "Bearer " + access));
		assertThat(consent.status()).isEqualTo(200);
		assertThat(postJson("/api/notes", json(Map.of("text", "note of " + person.lastName())), "Authorization",
				"Bearer " + access).status()).isEqualTo(201);
		this.socialAccounts.save(new SocialAccount(userId, "github", "gh-" + person.lastName(), person.email(),
				this.clock.instant()));
		assertThat(postJson(BASE + "/password/reset/", json(Map.of("email", person.email())), person.headers())
			.status()).isEqualTo(200);
		UUID exportId = requestId(postJson(BASE + "/data-requests/", json(Map.of("request_type", "EXPORT")),
				person.headers("Authorization", "Bearer " + access)));
		awaitStatus(exportId, "COMPLETED");
		awaitMail(person.email(), 2);
		assertThat(count("select count(*) from myuser_one_time_token where user_id = ?", userId)).isOne();
		return access;
	}

	private String exportRequestId(UUID userId) {
		return this.jdbc.queryForObject("select cast(id as varchar(36)) from myuser_data_request where user_id = ? "
				+ "and request_type = 'EXPORT'", String.class, userId);
	}

	/**
	 * Someone whose every trace can be recognised: unique names, address, client address and user agent.
	 */
	record Person(String email, String firstName, String lastName, String ip, String userAgent) {

		static Person random() {
			String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
			ThreadLocalRandom random = ThreadLocalRandom.current();
			return new Person("erase-me-" + tag + "@example.com", "Zebulon" + tag, "Quixote" + tag,
					"198.51." + random.nextInt(1, 255) + "." + random.nextInt(1, 255), "PiiProbe/" + tag);
		}

		String[] headers(String... more) {
			List<String> headers = new ArrayList<>(List.of("X-Forwarded-For", this.ip, "User-Agent", this.userAgent));
			headers.addAll(List.of(more));
			return headers.toArray(String[]::new);
		}

	}

	/**
	 * A host eraser that fails for chosen accounts, to show that a failed erasure leaves everything as it was.
	 */
	static final class FailingEraser implements UserDataEraser {

		private final Set<UUID> failing = ConcurrentHashMap.newKeySet();

		private final Map<UUID, Integer> calls = new ConcurrentHashMap<>();

		void failFor(UUID userId) {
			this.failing.add(userId);
		}

		int calls(UUID userId) {
			return this.calls.getOrDefault(userId, 0);
		}

		@Override
		public void erase(io.myuser.personaldata.ErasureContext context) {
			this.calls.merge(context.userId(), 1, Integer::sum);
			if (this.failing.contains(context.userId())) {
				throw new IllegalStateException("injected eraser failure");
			}
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class EraserConfiguration {

		@Bean
		FailingEraser failingEraser() {
			return new FailingEraser();
		}

	}

}
