package io.myuser.sample.social;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.myuser.account.AccountEvents.PasswordChanged;
import io.myuser.account.EmailLinkTokenPurpose;
import io.myuser.account.EmailLinkTokenService;
import io.myuser.account.NewUser;
import io.myuser.personaldata.ErasureContext;
import io.myuser.personaldata.UserDataEraser;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.Races;
import io.myuser.sample.test.TransactionHolds;
import io.myuser.sample.test.PostgresTest;
import io.myuser.social.SocialAccountDisconnected;
import io.myuser.support.ClientInfo;
import io.myuser.token.UserLoggedIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A social login of a known identity racing the other writers of that identity, on PostgreSQL, over HTTP: a
 * disconnect of it, a password reset (which disconnects identities whose address the provider never proved), and
 * the erasure of its account. Each order is first forced (one side is held open inside its transaction at a chosen
 * point, and the other is shown waiting for a lock in the database before the first is let go); seeded rounds then
 * start both at once. Whatever the order:
 * <ul>
 * <li>no answer is a 5xx, and the disconnected or erased identity never comes back (a login's update of its row
 * does not re-insert it);</li>
 * <li>a login that comes after the disconnect or the reset no longer finds the identity and is told to log in and
 * connect it (the address matches the account, which email authentication does not link);</li>
 * <li>a login that comes first keeps its session after a disconnect, loses it to the reset (a reset ends every
 * session started before it) and to the erasure;</li>
 * <li>a login that comes after an erasure is a first login: a new, empty account, holding nothing of the erased
 * one.</li>
 * </ul>
 */
@PostgresTest
@Import(SocialLoginRacePostgresTests.HoldConfiguration.class)
class SocialLoginRacePostgresTests extends SocialTestSupport {

	private static final String PASSWORD = "a long and unusual passphrase";

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final int ROUNDS = Integer.getInteger("myuser.social-race.rounds", 8);

	private static ExecutorService pool;

	@Autowired
	private Holds holds;

	@Autowired
	private EmailLinkTokenService emailLinkTokens;

	@BeforeAll
	static void startPool() {
		pool = Executors.newFixedThreadPool(2);
	}

	@AfterAll
	static void stopPool() {
		pool.shutdownNow();
	}

	@AfterEach
	void releaseHolds() {
		this.holds.releaseAll();
	}

	// A login and a disconnect of the same identity.

	@Test
	void a_login_while_its_identity_is_disconnected_waits_and_is_told_to_connect() throws Exception {
		Member member = memberWithGitHub();
		this.holds.hold(Point.DISCONNECTED, member.id());

		Future<HttpResult> disconnect = pool.submit(() -> disconnect(member, "github"));
		this.holds.awaitReached(Point.DISCONNECTED, member.id());
		Future<HttpResult> login = pool.submit(() -> socialLogin("github", body("access_token", member.token())));
		awaitLockWaiters();
		this.holds.release(Point.DISCONNECTED, member.id());

		assertThat(disconnect.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
		assertRefused(login.get(30, TimeUnit.SECONDS), "social-connect-required");
		assertIdentityGone(member, "github");
		assertThat(count("select count(*) from myuser_user where email = ?", member.email())).isOne();
	}

	@Test
	void a_disconnect_while_a_login_of_its_identity_runs_waits_and_the_identity_stays_gone() throws Exception {
		Member member = memberWithGitHub();
		this.holds.hold(Point.LOGGED_IN, member.id());

		Future<HttpResult> login = pool.submit(() -> socialLogin("github", body("access_token", member.token())));
		this.holds.awaitReached(Point.LOGGED_IN, member.id());
		Future<HttpResult> disconnect = pool.submit(() -> disconnect(member, "github"));
		awaitLockWaiters();
		this.holds.release(Point.LOGGED_IN, member.id());

		HttpResult loggedIn = login.get(30, TimeUnit.SECONDS);
		assertThat(loggedIn.status()).as(loggedIn.body()).isEqualTo(200);
		assertThat(loggedIn.json().get("user").get("id").asString()).isEqualTo(member.id().toString());
		assertThat(disconnect.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
		assertIdentityGone(member, "github");
		assertThat(refresh(loggedIn.json().get("refresh").asString()).status())
			.as("a disconnect ends no session").isEqualTo(200);
	}

	@Test
	void logins_and_disconnects_of_one_identity_at_once_never_fail_and_never_bring_it_back() throws Exception {
		Random random = seeded("login-disconnect");
		Map<String, Integer> outcomes = new ConcurrentHashMap<>();
		for (int round = 0; round < ROUNDS; round++) {
			Member member = memberWithGitHub();
			// The login asks the provider first, the disconnect is quick: it starts up to 400 ms later.
			long[] delays = { random.nextInt(50), random.nextInt(400) };

			List<HttpResult> answers = atOnce(delays,
					() -> socialLogin("github", body("access_token", member.token())),
					() -> disconnect(member, "github"));

			HttpResult login = answers.get(0);
			String where = "round " + round + ": " + login.body();
			assertThat(answers.get(1).status()).as(where).isEqualTo(200);
			assertThat(login.status()).as(where).isIn(200, 400);
			if (login.status() == 400) {
				assertRefused(login, "social-connect-required");
			}
			assertIdentityGone(member, "github");
			assertThat(count("select count(*) from myuser_user where email = ?", member.email())).isOne();
			outcomes.merge("login " + login.status(), 1, Integer::sum);
		}
		System.out.println("[SocialLoginRacePostgresTests] login vs disconnect outcomes " + outcomes);
	}

	// A login of an identity whose address the provider never proved, and a password reset of its account.

	@Test
	void a_login_while_a_reset_disconnects_its_unproved_identity_waits_and_is_told_to_connect() throws Exception {
		Member member = memberWithFacebook();
		String resetKey = resetKey(member);
		this.holds.hold(Point.PASSWORD_RESET, member.id());

		Future<HttpResult> reset = pool.submit(() -> resetPassword(resetKey));
		this.holds.awaitReached(Point.PASSWORD_RESET, member.id());
		Future<HttpResult> login = pool.submit(() -> socialLogin("facebook", body("access_token", member.token())));
		awaitLockWaiters();
		this.holds.release(Point.PASSWORD_RESET, member.id());

		assertThat(reset.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
		assertRefused(login.get(30, TimeUnit.SECONDS), "social-connect-required");
		assertIdentityGone(member, "facebook");
	}

	@Test
	void a_reset_while_a_login_of_an_unproved_identity_runs_waits_then_ends_that_session_and_the_identity()
			throws Exception {
		Member member = memberWithFacebook();
		String resetKey = resetKey(member);
		this.holds.hold(Point.LOGGED_IN, member.id());

		Future<HttpResult> login = pool.submit(() -> socialLogin("facebook", body("access_token", member.token())));
		this.holds.awaitReached(Point.LOGGED_IN, member.id());
		Future<HttpResult> reset = pool.submit(() -> resetPassword(resetKey));
		awaitLockWaiters();
		this.holds.release(Point.LOGGED_IN, member.id());

		HttpResult loggedIn = login.get(30, TimeUnit.SECONDS);
		assertThat(loggedIn.status()).as(loggedIn.body()).isEqualTo(200);
		assertThat(reset.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
		assertIdentityGone(member, "facebook");
		assertThat(refresh(loggedIn.json().get("refresh").asString()).status())
			.as("the reset ended the session the login started before it").isEqualTo(401);
		assertThat(socialLogin("facebook", body("access_token", member.token())).status())
			.as("the identity is no way in any more").isEqualTo(400);
	}

	@Test
	void logins_and_resets_at_once_never_fail_and_no_session_of_the_unproved_identity_outlives_the_reset()
			throws Exception {
		Random random = seeded("login-reset");
		Map<String, Integer> outcomes = new ConcurrentHashMap<>();
		for (int round = 0; round < ROUNDS; round++) {
			Member member = memberWithFacebook();
			String resetKey = resetKey(member);
			// The reset hashes its new password before it locks the account: the login starts up to 800 ms later.
			long[] delays = { random.nextInt(800), random.nextInt(50) };

			List<HttpResult> answers = atOnce(delays,
					() -> socialLogin("facebook", body("access_token", member.token())),
					() -> resetPassword(resetKey));

			HttpResult login = answers.get(0);
			String where = "round " + round + ": " + login.body();
			assertThat(answers.get(1).status()).as(where).isEqualTo(200);
			if (login.status() == 200) {
				assertThat(refresh(login.json().get("refresh").asString()).status()).as(where).isEqualTo(401);
			}
			else {
				assertRefused(login, "social-connect-required");
			}
			assertIdentityGone(member, "facebook");
			outcomes.merge("login " + login.status(), 1, Integer::sum);
		}
		System.out.println("[SocialLoginRacePostgresTests] login vs reset outcomes " + outcomes);
	}

	// A login and the erasure of its account.

	@Test
	void a_login_while_its_account_is_erased_waits_and_never_reaches_the_erased_account() throws Exception {
		Member member = memberWithGitHub();
		Instant erasureDue = requestDeletion(member);
		this.holds.hold(Point.ERASING, member.id());
		this.clock.advance(Duration.between(this.clock.instant(), erasureDue).plusSeconds(1));
		this.holds.awaitReached(Point.ERASING, member.id());

		Future<HttpResult> login = pool.submit(() -> socialLogin("github", body("access_token", member.token())));
		awaitLockWaiters();
		this.holds.release(Point.ERASING, member.id());

		HttpResult afterwards = login.get(30, TimeUnit.SECONDS);
		awaitErased(member);
		assertThat(afterwards.status()).as(afterwards.body()).isEqualTo(200);
		String newId = afterwards.json().get("user").get("id").asString();
		assertThat(newId).as("a first login: a new account").isNotEqualTo(member.id().toString());
		assertThat(afterwards.json().get("user").get("first_name").asString()).isEqualTo("Grace");
		assertThat(getWithToken(BASE + "/social/accounts/status/", afterwards.json().get("access").asString())
			.json()
			.get("has_password")
			.asBoolean()).isFalse();
		assertErased(member);
	}

	@Test
	void an_erasure_while_a_login_runs_waits_then_ends_the_new_session_and_erases_the_identity() throws Exception {
		Member member = memberWithGitHub();
		Instant erasureDue = requestDeletion(member);
		// Seconds before the end of the grace period: the login's session is one the erasure must end.
		this.clock.advance(Duration.between(this.clock.instant(), erasureDue).minusSeconds(10));
		this.holds.hold(Point.LOGGED_IN, member.id());

		Future<HttpResult> login = pool.submit(() -> socialLogin("github", body("access_token", member.token())));
		this.holds.awaitReached(Point.LOGGED_IN, member.id());
		this.clock.advance(Duration.between(this.clock.instant(), erasureDue).plusSeconds(1));
		awaitLockWaiters();
		assertThat(deletionStatus(member)).as("the erasure waits for the account's lock").isEqualTo("PENDING");
		this.holds.release(Point.LOGGED_IN, member.id());

		HttpResult loggedIn = login.get(30, TimeUnit.SECONDS);
		assertThat(loggedIn.status()).as(loggedIn.body()).isEqualTo(200);
		assertThat(loggedIn.json().get("user").get("id").asString()).isEqualTo(member.id().toString());
		awaitErased(member);
		assertThat(this.jdbc.queryForObject("select revoke_reason from myuser_user_session where id = ?",
				String.class, sessionIdOf(loggedIn.json().get("access").asString())))
			.as("the erasure ended the session the login started while it waited").isNotNull();
		assertThat(refresh(loggedIn.json().get("refresh").asString()).status()).isEqualTo(401);
		assertErased(member);
		assertThat(count("select count(*) from myuser_user where first_name = ?", member.firstName()))
			.as("nothing brought the account back").isZero();
	}

	private Member memberWithGitHub() {
		Member member = member();
		long gitHubId = Long.parseLong(uid());
		String token = "gh-token-" + uid();
		gitHubUser(token, gitHubId, "racer-" + gitHubId, member.email(), true);
		assertThat(connect("github", member.access(), body("access_token", token)).status()).isEqualTo(200);
		return member.withIdentity(Long.toString(gitHubId), token);
	}

	/** A member with a Facebook identity: Facebook addresses count as unproved. */
	private Member memberWithFacebook() {
		Member member = member();
		String facebookId = uid();
		String token = "fb-token-" + uid();
		facebookUser(token, facebookId, member.email());
		assertThat(connect("facebook", member.access(), body("access_token", token)).status()).isEqualTo(200);
		assertThat(count("select count(*) from myuser_social_account where user_id = ? and not email_verified",
				member.id())).isOne();
		return member.withIdentity(facebookId, token);
	}

	private Member member() {
		String tag = uid();
		String email = uniqueEmail();
		String firstName = "Racer" + tag;
		UUID id = this.accounts.createUser(new NewUser(email, PASSWORD, firstName, "Quixote" + tag, true, false),
				ClientInfo.NONE).getId();
		return new Member(id, email, firstName, accessToken(email, PASSWORD), "", "");
	}

	private HttpResult disconnect(Member member, String provider) {
		return send(HttpRequest.newBuilder(uri(BASE + "/social/accounts/" + provider + "/disconnect/"))
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.noBody()), "Authorization", "Bearer " + member.access());
	}

	private String resetKey(Member member) {
		return this.emailLinkTokens
			.issue(member.id(), member.email(), EmailLinkTokenPurpose.PASSWORD_RESET, Duration.ofHours(1))
			.orElseThrow()
			.token();
	}

	private HttpResult resetPassword(String key) {
		String next = "another unusual passphrase " + uid();
		return postJson(BASE + "/password/reset/confirm/",
				json(Map.of("token", key, "new_password1", next, "new_password2", next)));
	}

	/** Ask for the member's deletion; answers when its erasure is due. */
	private Instant requestDeletion(Member member) {
		HttpResult created = postJson(BASE + "/data-requests/",
				json(Map.of("request_type", "DELETE", "password", PASSWORD)), "Authorization",
				"Bearer " + member.access());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return Instant.parse(created.json().get("scheduled_for").asString());
	}

	private String deletionStatus(Member member) {
		return this.jdbc.queryForObject("select status from myuser_data_request where user_id = ? and request_type = "
				+ "'DELETE'", String.class, member.id());
	}

	private void awaitErased(Member member) {
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
			.until(() -> "COMPLETED".equals(deletionStatus(member)));
	}

	/** The old account keeps nothing: no identity, no live session, no address, no names. */
	private void assertErased(Member member) {
		assertIdentityGone(member, "github");
		assertThat(count("select count(*) from myuser_social_account where user_id = ?", member.id())).isZero();
		assertThat(count("select count(*) from myuser_user_session where user_id = ? and revoked_at is null and "
				+ "last_activity > ?", member.id(), java.sql.Timestamp.from(this.clock.instant().minusSeconds(60))))
			.as("sessions of the last minute not ended").isZero();
		assertThat(count("select count(*) from myuser_user where id = ? and email like 'erased-%' and first_name = ''",
				member.id())).as("the account is anonymised").isOne();
		assertThat(count("select count(*) from myuser_user where first_name = ?", member.firstName())).isZero();
		assertThat(login(member.email(), PASSWORD).status()).isEqualTo(401);
	}

	/** The member's identity is not stored, for them or anyone. */
	private void assertIdentityGone(Member member, String provider) {
		assertThat(count("select count(*) from myuser_social_account where provider = ? and uid = ? and user_id = ?",
				provider, member.uid(), member.id())).isZero();
		assertThat(count("select count(*) from myuser_social_account where user_id = ? and provider = ?",
				member.id(), provider)).isZero();
	}

	/** The session of an access token: its {@code sid} claim. */
	private static UUID sessionIdOf(String access) {
		String payload = new String(java.util.Base64.getUrlDecoder().decode(access.split("\\.")[1]),
				java.nio.charset.StandardCharsets.UTF_8);
		return UUID.fromString(tools.jackson.databind.json.JsonMapper.builder().build().readTree(payload).get("sid")
			.asString());
	}

	private static Random seeded(String race) {
		long seed = Long.getLong("myuser.social-race.seed", System.nanoTime());
		System.out.println("[SocialLoginRacePostgresTests] " + race + " seed=" + seed
				+ " (replay with -Dmyuser.social-race.seed=" + seed + ")");
		return new Random(seed);
	}

	/** Run two calls released together by a barrier, each after its delay in ms; their answers in the order given. */
	private List<HttpResult> atOnce(long[] delays, Call one, Call two) throws Exception {
		return Races.atOnce(pool, delays, one::run, two::run);
	}

	/** Wait until a transaction waits for a lock another one holds: the forced order really makes one wait. */
	private void awaitLockWaiters() {
		Races.awaitLockWaiters(this.jdbc, 1);
	}

	private static void assertRefused(HttpResult result, String code) {
		assertThat(result.status()).as(result.body()).isEqualTo(400);
		assertThat(result.isProblem()).isTrue();
		assertThat(result.json().get("type").asString()).isEqualTo("urn:myuser:problem:" + code);
	}

	/** A member with a password and, once connected, a provider identity and the token that proves it. */
	record Member(UUID id, String email, String firstName, String access, String uid, String token) {

		Member withIdentity(String uid, String token) {
			return new Member(this.id, this.email, this.firstName, this.access, uid, token);
		}

	}

	/** One HTTP call of a race. */
	@FunctionalInterface
	interface Call {

		HttpResult run();

	}

	/** Where a transaction is held open. */
	enum Point {

		/** In a login's transaction, its session started, the account locked. */
		LOGGED_IN,

		/** In a disconnect's transaction, the identity deleted. */
		DISCONNECTED,

		/** In a password reset's transaction, the password changed. */
		PASSWORD_RESET,

		/** In an erasure's transaction, while the host's erasers run. */
		ERASING

	}

	/** Holds a transaction of one account open at a {@link Point} until released. */
	static final class Holds extends TransactionHolds {

		@EventListener
		void onLoggedIn(UserLoggedIn event) {
			pass(Point.LOGGED_IN, event.userId());
		}

		@EventListener
		void onDisconnected(SocialAccountDisconnected event) {
			pass(Point.DISCONNECTED, event.userId());
		}

		@EventListener
		void onPasswordChanged(PasswordChanged event) {
			if (event.reset()) {
				pass(Point.PASSWORD_RESET, event.userId());
			}
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class HoldConfiguration {

		@Bean
		Holds socialRaceHolds() {
			return new Holds();
		}

		@Bean
		UserDataEraser socialRaceHoldingEraser(Holds holds) {
			return (ErasureContext context) -> holds.pass(Point.ERASING, context.userId());
		}

	}

}
