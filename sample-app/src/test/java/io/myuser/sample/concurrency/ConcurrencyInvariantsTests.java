package io.myuser.sample.concurrency;

import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.myuser.account.EmailLinkTokenPurpose;
import io.myuser.account.EmailLinkTokenService;
import io.myuser.account.User;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The test that would have caught the resurrected account: seeded random interleavings of login, refresh, logout,
 * password change, reset confirm, profile PATCH, deletion request with erasure (grace period 0 s), and
 * deactivation, on one account from several threads over HTTP, each round followed by the invariants:
 * <ul>
 * <li>no answer is a 5xx;</li>
 * <li>an erased account cannot log in with any password it ever had, and no MyUser table holds its address,
 * names, IP addresses or user agents (a scan of every text column; only audit rows of later attempts with the
 * address, which no longer names an account, may mention it);</li>
 * <li>the last pair every refresh answered 200 works unless its session was ended legitimately (logout, password
 * change or reset, deactivation, erasure; never as token reuse, since no thread reuses a token);</li>
 * <li>no session started before a password change outlives it but the changer's own, none started before a reset;
 * </li>
 * <li>every rotated refresh token has exactly one successor, and every session exactly one unrotated token;</li>
 * <li>the profile's marketing consent is the last value recorded in its consent history (no lost update).</li>
 * </ul>
 * The seed is printed; {@code -Dmyuser.concurrency.seed=...} replays a run's choices (the interleaving itself is
 * the machine's) and {@code -Dmyuser.concurrency.rounds=...} changes the number of rounds (200 by default).
 * Passwords are hashed with bcrypt at cost 4 here, a real but cheap hash, so that the rounds fit the build.
 */
@TestPropertySource(properties = { "myuser.gdpr.deletion.grace-period=0s", "myuser.jobs.polling-interval=100ms" })
@Import(ConcurrencyInvariantsTests.CheapHashing.class)
abstract class ConcurrencyInvariantsTests extends IntegrationTestSupport {

	private static final int ROUNDS = Integer.getInteger("myuser.concurrency.rounds", 200);

	private static final int THREADS = 3;

	private static final int OPERATIONS = 4;

	private static final String[] NAMES = { "Ada", "Zoë", "Łukasz", "O'Brien", "李", "Anne-Marie" };

	private static ExecutorService pool;

	@Autowired
	private EmailLinkTokenService emailLinkTokens;

	@BeforeAll
	static void startPool() {
		pool = Executors.newFixedThreadPool(THREADS);
	}

	@AfterAll
	static void stopPool() {
		pool.shutdownNow();
	}

	@Test
	void seeded_random_interleavings_on_one_account_keep_every_invariant() throws Exception {
		long seed = Long.getLong("myuser.concurrency.seed", System.nanoTime());
		String name = getClass().getSimpleName();
		System.out.println("[" + name + "] concurrency: seed=" + seed + " rounds=" + ROUNDS
				+ " (replay with -Dmyuser.concurrency.seed=" + seed + ")");
		Random random = new Random(seed);
		Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
		int erased = 0;
		for (int round = 0; round < ROUNDS; round++) {
			Round outcome = new Round(round, random.nextLong());
			outcome.run();
			try {
				outcome.checkInvariants();
			}
			catch (AssertionError ex) {
				throw new AssertionError("round " + round + " of seed " + seed + ": " + ex.getMessage()
						+ "\noperations: " + outcome.log, ex);
			}
			erased += outcome.erased ? 1 : 0;
			outcome.answers.forEach((answer) -> statuses.computeIfAbsent(answer.operation(), (k) -> new TreeMap<>())
				.merge(answer.status(), 1, Integer::sum));
		}
		System.out.println("[" + name + "] seed=" + seed + ": " + ROUNDS + " rounds, " + erased
				+ " ended with an erasure; answers by operation " + statuses);
	}

	/** One account, several threads, a few random operations each, all started at once. */
	private final class Round {

		private final int number;

		private final long seed;

		private final String email = uniqueEmail();

		private final String userAgent;

		private final Set<String> passwords = ConcurrentHashMap.newKeySet();

		private final AtomicInteger passwordSequence = new AtomicInteger();

		private final List<Answer> answers = new CopyOnWriteArrayList<>();

		private final List<String> log = new CopyOnWriteArrayList<>();

		private final List<PasswordEvent> passwordEvents = new CopyOnWriteArrayList<>();

		private final List<UUID> deletionRequests = new CopyOnWriteArrayList<>();

		private final AtomicBoolean deactivated = new AtomicBoolean();

		private final Map<Integer, Pair> lastPairs = new ConcurrentHashMap<>();

		private UUID userId = new UUID(0, 0);

		private String resetKey = "";

		private boolean erased;

		Round(int number, long seed) {
			this.number = number;
			this.seed = seed;
			this.userAgent = "ConcurrencyRound/" + UUID.randomUUID();
		}

		void run() throws Exception {
			String first = password();
			User user = createUser(this.email, first);
			this.userId = user.getId();
			this.resetKey = ConcurrencyInvariantsTests.this.emailLinkTokens
				.issue(this.userId, this.email, EmailLinkTokenPurpose.PASSWORD_RESET, Duration.ofHours(1))
				.orElseThrow()
				.token();
			CyclicBarrier start = new CyclicBarrier(THREADS);
			Random seeds = new Random(this.seed);
			List<Future<?>> workers = new ArrayList<>();
			for (int thread = 0; thread < THREADS; thread++) {
				Worker worker = new Worker(thread, new Random(seeds.nextLong()));
				workers.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					worker.run();
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get(2, TimeUnit.MINUTES);
			}
			for (UUID request : this.deletionRequests) {
				await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
					String status = ConcurrencyInvariantsTests.this.jdbc.queryForObject(
							"select status from myuser_data_request where id = ?", String.class, request);
					return "COMPLETED".equals(status) || "FAILED".equals(status) || "CANCELLED".equals(status);
				});
			}
			this.erased = count("select count(*) from myuser_user where id = ? and email like 'erased-%'",
					this.userId) == 1;
		}

		String password() {
			String password = "concurrency passphrase " + this.number + "-" + this.passwordSequence.getAndIncrement();
			this.passwords.add(password);
			return password;
		}

		String anyPassword(Random random) {
			List<String> known = new ArrayList<>(this.passwords);
			known.sort(null);
			return known.get(random.nextInt(known.size()));
		}

		HttpResult record(String operation, HttpResult result) {
			this.answers.add(new Answer(operation, result.status(), result.body()));
			this.log.add(operation + "=" + result.status());
			return result;
		}

		void checkInvariants() {
			List<Answer> failures = this.answers.stream().filter((answer) -> answer.status() >= 500).toList();
			assertThat(failures).as("answers 5xx").isEmpty();
			if (this.erased) {
				checkErased();
			}
			checkSessionsAfterPasswordEvents();
			checkRefreshFamilies();
			checkLastPairs();
			checkConsent();
		}

		private void checkErased() {
			for (String password : this.passwords) {
				assertThat(login(this.email, password).status()).as("login of the erased account").isEqualTo(401);
			}
			assertThat(count("select count(*) from myuser_user_session where user_id = ? and revoked_at is null",
					this.userId)).as("live sessions of the erased account").isZero();
			Timestamp erasedAt = ConcurrencyInvariantsTests.this.jdbc.queryForObject(
					"select max(processed_at) from myuser_data_request where user_id = ? and status = 'COMPLETED'",
					Timestamp.class, this.userId);
			assertThat(erasedAt).isNotNull();
			List<String> traces = new ArrayList<>();
			List<String> needles = new ArrayList<>(List.of(this.email.toLowerCase(Locale.ROOT), this.userAgent));
			for (String name : NAMES) {
				needles.add(name + " " + this.number);
			}
			for (Map<String, Object> column : ConcurrencyInvariantsTests.this.jdbc.queryForList(
					"select lower(table_name) as t, lower(column_name) as c from information_schema.columns "
							// Flyway's history of MyUser's scripts holds no account data (its column names are quoted).
							+ "where lower(table_name) like 'myuser\\_%' escape '\\' "
							+ "and lower(table_name) <> 'myuser_schema_history' and upper(data_type) in "
							+ "('CHARACTER VARYING', 'VARCHAR', 'TEXT', 'CHARACTER LARGE OBJECT')")) {
				String table = (String) column.get("t");
				String name = (String) column.get("c");
				// Attempts with the address after the erasure are new events about an address without an account.
				String later = table.equals("myuser_audit_log") ? " and not (user_id is null and created_at > ?)" : "";
				for (String needle : needles) {
					String sql = "select count(*) from " + table + " where lower(" + name + ") like ?" + later;
					long found = later.isEmpty() ? count(sql, "%" + needle.toLowerCase(Locale.ROOT) + "%")
							: count(sql, "%" + needle.toLowerCase(Locale.ROOT) + "%", erasedAt);
					if (found > 0) {
						traces.add(table + "." + name + " holds '" + needle + "' " + found + "x");
					}
				}
			}
			assertThat(traces).as("personal data left after the erasure").isEmpty();
			assertThat(count("select count(*) from myuser_user_session where user_id = ? and ip_address is not null",
					this.userId)).isZero();
			assertThat(count("select count(*) from myuser_audit_log where user_id = ? and ip_address is not null",
					this.userId)).isZero();
			assertThat(count("select count(*) from myuser_consent_record where user_id = ? and ip_address is not null",
					this.userId)).isZero();
		}

		private void checkSessionsAfterPasswordEvents() {
			for (PasswordEvent event : this.passwordEvents) {
				List<UUID> survivors = ConcurrencyInvariantsTests.this.jdbc.queryForList(
						"select id from myuser_user_session where user_id = ? and created_at < ? and revoked_at is null",
						UUID.class, this.userId, Timestamp.from(event.startedBefore()));
				if (event.keptSession() != null) {
					survivors = survivors.stream().filter((id) -> !id.equals(event.keptSession())).toList();
				}
				assertThat(survivors).as("sessions outliving the " + event.kind() + " started before "
						+ event.startedBefore()).isEmpty();
			}
		}

		private void checkRefreshFamilies() {
			assertThat(count("select count(*) from myuser_refresh_token t where t.user_id = ? and t.rotated_at is not "
					+ "null and not exists (select 1 from myuser_refresh_token s where s.id = t.replaced_by_id and "
					+ "s.session_id = t.session_id)", this.userId)).as("rotated tokens without a successor").isZero();
			assertThat(ConcurrencyInvariantsTests.this.jdbc.queryForList("select replaced_by_id from "
					+ "myuser_refresh_token where user_id = ? and replaced_by_id is not null group by replaced_by_id "
					+ "having count(*) > 1", UUID.class, this.userId)).as("successors of two tokens").isEmpty();
			assertThat(ConcurrencyInvariantsTests.this.jdbc.queryForList("select session_id from myuser_refresh_token "
					+ "where user_id = ? and rotated_at is null group by session_id having count(*) <> 1", UUID.class,
					this.userId)).as("sessions with more than one current token").isEmpty();
		}

		private void checkLastPairs() {
			boolean accountEnded = this.erased || this.deactivated.get();
			for (Map.Entry<Integer, Pair> entry : this.lastPairs.entrySet()) {
				Pair pair = entry.getValue();
				Map<String, Object> session = ConcurrencyInvariantsTests.this.jdbc.queryForMap(
						"select revoked_at, revoke_reason from myuser_user_session where id = ?", pair.sessionId());
				Object reason = session.get("revoke_reason");
				assertThat(reason).as("no thread reuses a token").isNotEqualTo("token_reuse");
				if (accountEnded) {
					assertThat(session.get("revoked_at")).as("session of an ended account").isNotNull();
				}
				if (session.get("revoked_at") == null) {
					assertThat(getWithToken(BASE + "/profile/", pair.access()).status())
						.as("access token of a live session after a 200 refresh").isEqualTo(200);
					assertThat(refresh(pair.refresh()).status()).as("refresh token of a live session").isEqualTo(200);
				}
				else {
					assertThat(getWithToken(BASE + "/profile/", pair.access()).status())
						.as("access token of an ended session").isEqualTo(401);
				}
			}
		}

		private void checkConsent() {
			if (this.erased) {
				return;
			}
			List<Boolean> history = ConcurrencyInvariantsTests.this.jdbc.queryForList(
					"select granted from myuser_consent_record where user_id = ? and consent_type = 'marketing' "
							+ "order by recorded_at desc, id desc",
					Boolean.class, this.userId);
			Boolean stored = ConcurrencyInvariantsTests.this.jdbc.queryForObject(
					"select marketing_consent from myuser_profile where user_id = ?", Boolean.class, this.userId);
			assertThat(stored).as("profile consent against its history").isEqualTo(!history.isEmpty() && history.get(0));
		}

		/** One thread's operations. */
		private final class Worker {

			private final int id;

			private final Random random;

			private @Nullable Pair tokens;

			Worker(int id, Random random) {
				this.id = id;
				this.random = random;
			}

			void run() {
				for (int i = 0; i < OPERATIONS; i++) {
					if (this.tokens == null || i == 0) {
						login();
						continue;
					}
					int pick = this.random.nextInt(100);
					if (pick < 20) {
						login();
					}
					else if (pick < 45) {
						refresh();
					}
					else if (pick < 52) {
						logout();
					}
					else if (pick < 62) {
						changePassword();
					}
					else if (pick < 70) {
						resetPassword();
					}
					else if (pick < 88) {
						patchProfile();
					}
					else if (pick < 97) {
						requestDeletion();
					}
					else {
						deactivate();
					}
				}
			}

			private void login() {
				HttpResult result = record("login", ConcurrencyInvariantsTests.this.login(Round.this.email,
						anyPassword(this.random), "User-Agent", Round.this.userAgent));
				if (result.status() == 200) {
					keep(Pair.of(result.json()));
				}
			}

			private void refresh() {
				HttpResult result = record("refresh", postJson(BASE + "/token/refresh/",
						json(Map.of("refresh", this.tokens.refresh())), "User-Agent", Round.this.userAgent));
				if (result.status() == 200) {
					keep(Pair.of(result.json()));
				}
				else {
					this.tokens = null;
				}
			}

			private void logout() {
				record("logout", postJson(BASE + "/logout/", json(Map.of("refresh", this.tokens.refresh())),
						"Authorization", "Bearer " + this.tokens.access(), "User-Agent", Round.this.userAgent));
				Round.this.lastPairs.remove(this.id);
				this.tokens = null;
			}

			private void changePassword() {
				String next = password();
				Instant before = ConcurrencyInvariantsTests.this.clock.instant();
				HttpResult result = record("change", postJson(BASE + "/password/change/",
						json(Map.of("old_password", anyPassword(this.random), "new_password1", next, "new_password2",
								next)),
						"Authorization", "Bearer " + this.tokens.access(), "User-Agent", Round.this.userAgent));
				if (result.status() == 200) {
					Round.this.passwordEvents.add(new PasswordEvent("change", before, this.tokens.sessionId()));
				}
			}

			private void resetPassword() {
				String next = password();
				Instant before = ConcurrencyInvariantsTests.this.clock.instant();
				HttpResult result = record("reset", postJson(BASE + "/password/reset/confirm/",
						json(Map.of("token", Round.this.resetKey, "new_password1", next, "new_password2", next)),
						"User-Agent", Round.this.userAgent));
				if (result.status() == 200) {
					Round.this.passwordEvents.add(new PasswordEvent("reset", before, null));
				}
			}

			private void patchProfile() {
				String body = json(Map.of("first_name", NAMES[this.random.nextInt(NAMES.length)] + " " + Round.this.number,
						"marketing_consent", this.random.nextBoolean()));
				record("profile", send(HttpRequest.newBuilder(uri(BASE + "/profile/"))
					.timeout(Duration.ofSeconds(30))
					.header("Content-Type", "application/json")
					.method("PATCH", HttpRequest.BodyPublishers.ofString(body)), "Authorization",
						"Bearer " + this.tokens.access(), "User-Agent", Round.this.userAgent));
			}

			private void requestDeletion() {
				HttpResult result = record("delete", postJson(BASE + "/data-requests/",
						json(Map.of("request_type", "DELETE", "password", anyPassword(this.random))),
						"Authorization", "Bearer " + this.tokens.access(), "User-Agent", Round.this.userAgent));
				if (result.status() == 201) {
					Round.this.deletionRequests.add(UUID.fromString(result.json().get("id").asString()));
				}
			}

			private void deactivate() {
				Round.this.log.add("deactivate");
				Round.this.deactivated.set(true);
				ConcurrencyInvariantsTests.this.accounts.setActive(Round.this.userId, false);
			}

			private void keep(Pair pair) {
				this.tokens = pair;
				Round.this.lastPairs.put(this.id, pair);
			}

		}

	}

	private record Answer(String operation, int status, String body) {
	}

	/** A token pair and its session (the token's {@code sid} claim). */
	private record Pair(String access, String refresh, UUID sessionId) {

		static Pair of(tools.jackson.databind.JsonNode body) {
			String access = body.get("access").asString();
			String payload = new String(java.util.Base64.getUrlDecoder().decode(access.split("\\.")[1]),
					java.nio.charset.StandardCharsets.UTF_8);
			String sid = tools.jackson.databind.json.JsonMapper.builder().build().readTree(payload).get("sid").asString();
			return new Pair(access, body.get("refresh").asString(), UUID.fromString(sid));
		}

	}

	private record PasswordEvent(String kind, Instant startedBefore, @Nullable UUID keptSession) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CheapHashing {

		@Bean
		PasswordEncoder concurrencyTestPasswordEncoder() {
			return new BCryptPasswordEncoder(4);
		}

	}

}
