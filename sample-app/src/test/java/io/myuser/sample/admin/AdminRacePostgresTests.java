package io.myuser.sample.admin;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.myuser.account.AccountDisabled;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.sample.test.PostgresTest;
import io.myuser.sample.test.Races;
import io.myuser.sample.test.TransactionHolds;
import io.myuser.token.UserLoggedIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's writes racing the account's own requests, on PostgreSQL, over HTTP: a deactivation against
 * a login (each order forced: one side held open in its transaction, the other shown waiting for the account's
 * lock) and against logins and refreshes at once in seeded rounds; ending all sessions against a refresh; a
 * demotion from staff against a refresh and an admin request. Whatever the order, no answer is a 5xx and:
 * <ul>
 * <li>a deactivated account has no session left that works: a login that came first has its session ended by the
 * deactivation, one that came after is refused, and no refresh turns an ended session's token into a working
 * pair;</li>
 * <li>after all sessions were ended, no pair of them works, not even one a racing refresh rotated;</li>
 * <li>once the staff flag is taken away, no admin route answers the account, whatever token a racing refresh gave
 * it, and the next refresh's token no longer carries the authority.</li>
 * </ul>
 * The seed is {@code -Dmyuser.admin-race.seed} if set; it is printed for each race.
 */
@PostgresTest
@Import(AdminRacePostgresTests.HoldConfiguration.class)
class AdminRacePostgresTests extends IntegrationTestSupport {

	private static final String PASSWORD = "a long and unusual passphrase";

	private static final int ROUNDS = Integer.getInteger("myuser.admin-race.rounds", 8);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ExecutorService pool;

	@Autowired
	private Holds holds;

	@BeforeAll
	static void startPool() {
		pool = Executors.newFixedThreadPool(3);
	}

	@AfterAll
	static void stopPool() {
		pool.shutdownNow();
	}

	@AfterEach
	void releaseHolds() {
		this.holds.releaseAll();
	}

	@Test
	void a_deactivation_while_a_login_runs_waits_and_then_ends_the_new_session() throws Exception {
		String admin = adminToken();
		Member member = member();
		this.holds.hold(Point.LOGGED_IN, member.id());

		Future<HttpResult> login = pool.submit(() -> login(member.email(), PASSWORD));
		this.holds.awaitReached(Point.LOGGED_IN, member.id());
		Future<HttpResult> deactivate = pool.submit(() -> deactivate(admin, member.id()));
		Races.awaitLockWaiters(this.jdbc, 1);
		this.holds.release(Point.LOGGED_IN, member.id());

		HttpResult loggedIn = login.get(30, TimeUnit.SECONDS);
		assertThat(loggedIn.status()).as(loggedIn.body()).isEqualTo(200);
		assertThat(deactivate.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
		assertNothingWorks(member, List.of(pair(loggedIn)));
	}

	@Test
	void a_login_while_a_deactivation_runs_waits_and_is_refused() throws Exception {
		String admin = adminToken();
		Member member = member();
		this.holds.hold(Point.DEACTIVATING, member.id());

		Future<HttpResult> deactivate = pool.submit(() -> deactivate(admin, member.id()));
		this.holds.awaitReached(Point.DEACTIVATING, member.id());
		Future<HttpResult> login = pool.submit(() -> login(member.email(), PASSWORD));
		Races.awaitLockWaiters(this.jdbc, 1);
		this.holds.release(Point.DEACTIVATING, member.id());

		assertThat(deactivate.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
		HttpResult refused = login.get(30, TimeUnit.SECONDS);
		assertThat(refused.status()).as(refused.body()).isEqualTo(401);
		assertNothingWorks(member, List.of());
	}

	@Test
	void deactivations_logins_and_refreshes_at_once_leave_no_working_session() throws Exception {
		Random random = seeded("deactivate-login-refresh");
		String admin = adminToken();
		Map<String, Integer> outcomes = new ConcurrentHashMap<>();
		for (int round = 0; round < ROUNDS; round++) {
			Member member = member();
			Pair held = pair(login(member.email(), PASSWORD));
			// A login hashes the password first: the deactivation starts up to 300 ms late, so either may win.
			long[] delays = { random.nextInt(300), random.nextInt(30), random.nextInt(30) };

			List<HttpResult> answers = Races.atOnce(pool, delays, () -> deactivate(admin, member.id()),
					() -> login(member.email(), PASSWORD), () -> refresh(held.refresh()));

			assertThat(answers).as("round %d", round).allSatisfy((answer) -> assertThat(answer.status())
				.as(answer.body()).isLessThan(500));
			assertThat(answers.get(0).status()).isEqualTo(200);
			List<Pair> issued = new ArrayList<>(List.of(held));
			for (HttpResult answer : answers.subList(1, 3)) {
				if (answer.status() == 200) {
					issued.add(pair(answer));
				}
			}
			outcomes.merge("login " + answers.get(1).status() + ", refresh " + answers.get(2).status(), 1,
					Integer::sum);
			assertNothingWorks(member, issued);
		}
		System.out.println("[AdminRacePostgresTests] deactivate-login-refresh outcomes: " + outcomes);
	}

	@Test
	void ending_all_sessions_while_a_refresh_rotates_leaves_no_pair_that_works() throws Exception {
		Random random = seeded("end-sessions-refresh");
		String admin = adminToken();
		for (int round = 0; round < ROUNDS; round++) {
			Member member = member();
			Pair first = pair(login(member.email(), PASSWORD));
			Pair second = pair(login(member.email(), PASSWORD));
			long[] delays = { random.nextInt(20), random.nextInt(20), random.nextInt(20) };

			List<HttpResult> answers = Races.atOnce(pool, delays,
					() -> send(HttpRequest.newBuilder(uri(BASE + "/admin/users/" + member.id() + "/sessions/"))
						.DELETE(), "Authorization", "Bearer " + admin),
					() -> refresh(first.refresh()), () -> refresh(second.refresh()));

			assertThat(answers.get(0).status()).as(answers.get(0).body()).isEqualTo(200);
			List<Pair> issued = new ArrayList<>(List.of(first, second));
			for (HttpResult answer : answers.subList(1, 3)) {
				assertThat(answer.status()).as(answer.body()).isIn(200, 401);
				if (answer.status() == 200) {
					issued.add(pair(answer));
				}
			}
			for (Pair pair : issued) {
				assertThat(refresh(pair.refresh()).status()).as("round %d: a refresh token", round).isEqualTo(401);
				assertThat(getWithToken(BASE + "/profile/", pair.access()).status()).as("round %d: an access token",
						round).isEqualTo(401);
			}
			assertThat(login(member.email(), PASSWORD).status()).as("the account stays active").isEqualTo(200);
		}
	}

	@Test
	void a_demotion_racing_a_refresh_leaves_the_admin_routes_closed_to_every_token() throws Exception {
		Random random = seeded("demotion-refresh");
		for (int round = 0; round < ROUNDS; round++) {
			String email = uniqueEmail();
			UUID adminId = createStaff(email, PASSWORD).getId();
			Pair pair = pair(login(email, PASSWORD));
			long[] delays = { random.nextInt(20), random.nextInt(20), random.nextInt(20) };

			List<Object> answers = Races.atOnce(pool, delays, () -> this.accounts.setStaff(adminId, false),
					() -> refresh(pair.refresh()),
					() -> getWithToken(BASE + "/admin/users/" + adminId + "/", pair.access()));

			assertThat(answers.get(0)).isEqualTo(true);
			HttpResult refreshed = (HttpResult) answers.get(1);
			assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
			HttpResult racingRead = (HttpResult) answers.get(2);
			assertThat(racingRead.status()).as(racingRead.body()).isIn(200, 403);
			for (String access : List.of(pair.access(), refreshed.json().get("access").asString())) {
				HttpResult refused = getWithToken(BASE + "/admin/users/" + adminId + "/", access);
				assertThat(refused.status()).as("round %d: %s", round, refused.body()).isEqualTo(403);
			}
			HttpResult next = refresh(refreshed.json().get("refresh").asString());
			assertThat(next.status()).isEqualTo(200);
			assertThat(authorities(next.json().get("access").asString())).doesNotContain("ROLE_MYUSER_ADMIN");
		}
	}

	/** The account is inactive, no session row of it is open, and no token it was ever given works. */
	private void assertNothingWorks(Member member, List<Pair> issued) {
		assertThat(count("select count(*) from myuser_user where id = ? and active", member.id())).isZero();
		assertThat(count("select count(*) from myuser_user_session where user_id = ? and revoked_at is null",
				member.id())).as("open sessions of the deactivated account").isZero();
		for (Pair pair : issued) {
			assertThat(refresh(pair.refresh()).status()).as("a refresh token").isEqualTo(401);
			assertThat(getWithToken(BASE + "/profile/", pair.access()).status()).as("an access token").isEqualTo(401);
		}
		assertThat(getWithToken(BASE + "/profile/", member.access()).status()).isEqualTo(401);
		assertThat(login(member.email(), PASSWORD).status()).isEqualTo(401);
	}

	private HttpResult deactivate(String admin, UUID userId) {
		return postJson(BASE + "/admin/users/" + userId + "/deactivate/", "{}", "Authorization", "Bearer " + admin);
	}

	private String adminToken() {
		String email = uniqueEmail();
		createStaff(email, PASSWORD);
		return accessToken(email, PASSWORD);
	}

	private Member member() {
		String email = uniqueEmail();
		UUID id = createUser(email, PASSWORD).getId();
		return new Member(id, email, accessToken(email, PASSWORD));
	}

	private static Pair pair(HttpResult answer) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return new Pair(answer.json().get("access").asString(), answer.json().get("refresh").asString());
	}

	private static List<String> authorities(String access) {
		JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(access.split("\\.")[1]));
		List<String> authorities = new ArrayList<>();
		if (claims.has("authorities")) {
			claims.get("authorities").forEach((authority) -> authorities.add(authority.asString()));
		}
		return authorities;
	}

	private static Random seeded(String race) {
		long seed = Long.getLong("myuser.admin-race.seed", System.nanoTime());
		System.out.println("[AdminRacePostgresTests] " + race + " seed=" + seed
				+ " (replay with -Dmyuser.admin-race.seed=" + seed + ")");
		return new Random(seed);
	}

	record Member(UUID id, String email, String access) {
	}

	record Pair(String access, String refresh) {
	}

	/** Where a transaction is held open. */
	enum Point {

		/** In a login's transaction, its session started, the account locked. */
		LOGGED_IN,

		/** In a deactivation's transaction, the account locked and marked inactive. */
		DEACTIVATING

	}

	static final class Holds extends TransactionHolds {

		@EventListener
		void onLoggedIn(UserLoggedIn event) {
			pass(Point.LOGGED_IN, event.userId());
		}

		@EventListener
		void onDeactivated(AccountDisabled event) {
			if (!event.deleted()) {
				pass(Point.DEACTIVATING, event.userId());
			}
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class HoldConfiguration {

		@Bean
		Holds adminRaceHolds() {
			return new Holds();
		}

	}

}
