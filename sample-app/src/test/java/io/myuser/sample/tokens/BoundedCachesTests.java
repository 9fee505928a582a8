package io.myuser.sample.tokens;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.myuser.account.User;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.sample.tokens.TokenLifecycleTests.Tokens;
import io.myuser.support.SecretTokens;
import io.myuser.token.TokenClaims;
import io.myuser.token.TokenCodec;
import io.myuser.token.TokenType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node with more live sessions than its caches hold: the verified-token cache and the session owner and
 * activity caches are bounded at five entries here, and every test uses twenty sessions of two users, in a seeded
 * random order (the seed is printed; {@code -Dmyuser.test.seed=<seed>} replays it). Whether a session's entries are
 * still held or were evicted, every token authenticates as its own user, a revoked session is refused, no token is
 * accepted past its {@code exp} plus the clock skew, and {@code last_activity} is still written at most once per
 * activity resolution per session. That nothing is verified again all at once is a matter of time, measured by
 * {@code bench/session-cache-bound.sh}, not here.
 */
@TestPropertySource(properties = { "myuser.token.verified-token-cache-size=" + BoundedCachesTests.BOUND,
		"myuser.session.cache-size=" + BoundedCachesTests.BOUND })
abstract class BoundedCachesTests extends IntegrationTestSupport {

	static final int BOUND = 5;

	private static final int SESSIONS_PER_USER = 10;

	private static final String PASSWORD = "bounded caches passphrase";

	@Autowired
	private TokenCodec codec;

	private Random random;

	private String seed;

	private final List<Session> sessions = new ArrayList<>();

	@BeforeEach
	void seed() {
		long value = Long.getLong("myuser.test.seed", System.nanoTime());
		this.seed = "seed=" + value + " (replay with -Dmyuser.test.seed=" + value + ")";
		System.out.println(getClass().getSimpleName() + " " + this.seed);
		this.random = new Random(value);
	}

	@Test
	void every_token_authenticates_as_its_own_user_with_more_sessions_than_the_caches_hold() {
		logInTwoUsers();

		for (int round = 0; round < 10; round++) {
			for (Session session : shuffled()) {
				HttpResult greeting = getWithToken("/api/greeting", session.tokens().access());
				assertThat(greeting.status()).as(this.seed).isEqualTo(200);
				assertThat(greeting.json().get("greeting").asString()).as(this.seed)
					.isEqualTo("Hello, " + session.userId());
			}
		}
	}

	@Test
	void a_token_naming_another_users_session_is_refused_whether_that_session_is_held_or_evicted() {
		logInTwoUsers();
		UUID first = this.sessions.get(0).userId();
		List<Session> others = this.sessions.stream().filter((session) -> !session.userId().equals(first)).toList();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);

		for (int round = 0; round < 3; round++) {
			for (Session other : shuffled(others)) {
				// The other session was just used (its owner is held) or not for a while (evicted).
				if (this.random.nextBoolean()) {
					assertThat(getWithToken("/api/greeting", other.tokens().access()).status()).as(this.seed)
						.isEqualTo(200);
				}
				String forged = this.codec.encode(new TokenClaims(first, other.tokens().sessionId(),
						SecretTokens.generate(), TokenType.ACCESS, now, now.plus(Duration.ofMinutes(5))));
				assertThat(getWithToken("/api/greeting", forged).status()).as(this.seed).isEqualTo(401);
			}
		}
	}

	@Test
	void a_revoked_session_is_refused_whether_its_entries_were_held_or_evicted() {
		logInTwoUsers();
		for (Session session : shuffled()) {
			assertThat(getWithToken("/api/greeting", session.tokens().access()).status()).isEqualTo(200);
		}
		Set<UUID> revoked = new HashSet<>();
		for (Session session : shuffled().subList(0, this.sessions.size() / 2)) {
			HttpResult logout = postJson(BASE + "/logout/", json(Map.of("refresh", session.tokens().refresh())),
					"Authorization", "Bearer " + session.tokens().access());
			assertThat(logout.status()).as(this.seed).isEqualTo(205);
			revoked.add(session.tokens().sessionId());
			// Some tokens of sessions still live come round between the logouts, moving entries in and out.
			Session any = this.sessions.get(this.random.nextInt(this.sessions.size()));
			assertThat(getWithToken("/api/greeting", any.tokens().access()).status()).as(this.seed)
				.isEqualTo(revoked.contains(any.tokens().sessionId()) ? 401 : 200);
		}

		for (int round = 0; round < 3; round++) {
			for (Session session : shuffled()) {
				assertThat(getWithToken("/api/greeting", session.tokens().access()).status()).as(this.seed)
					.isEqualTo(revoked.contains(session.tokens().sessionId()) ? 401 : 200);
			}
		}
	}

	@Test
	void no_token_is_accepted_past_its_exp_plus_the_clock_skew_whether_it_is_held_or_not() {
		Instant loggedIn = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.clock.pin(loggedIn);
		logInTwoUsers();
		// Access tokens live 15 minutes from the login; the clock skew allowed is 30 s.
		this.clock.pin(loggedIn.plus(Duration.ofMinutes(15)).plusSeconds(29));
		for (int round = 0; round < 3; round++) {
			for (Session session : shuffled()) {
				assertThat(getWithToken("/api/greeting", session.tokens().access()).status()).as(this.seed)
					.isEqualTo(200);
			}
		}

		this.clock.pin(loggedIn.plus(Duration.ofMinutes(15)).plusSeconds(31));

		for (int round = 0; round < 2; round++) {
			for (Session session : shuffled()) {
				assertThat(getWithToken("/api/greeting", session.tokens().access()).status()).as(this.seed)
					.isEqualTo(401);
			}
		}
	}

	@Test
	void last_activity_is_still_written_at_most_once_per_resolution_per_session_past_the_bound() {
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.clock.pin(start);
		logInTwoUsers();
		Map<UUID, Long> versions = versions();
		assertThat(lastActivities()).as("written by the logins").containsOnly(start);

		// Within the one-minute resolution: nothing is written, held entries or not.
		this.clock.pin(start.plusSeconds(30));
		requestEverySessionTwice();
		assertThat(lastActivities()).as(this.seed).containsOnly(start);
		assertThat(versions()).as(this.seed).isEqualTo(versions);

		// Past it: each session's first request writes, once.
		Instant later = start.plusSeconds(61);
		this.clock.pin(later);
		requestEverySessionTwice();
		assertThat(lastActivities()).as(this.seed).containsOnly(later);
		assertThat(versions()).as(this.seed)
			.allSatisfy((id, version) -> assertThat(version).isEqualTo(versions.get(id) + 1));

		this.clock.pin(later.plusSeconds(30));
		requestEverySessionTwice();
		assertThat(lastActivities()).as(this.seed).containsOnly(later);
		assertThat(versions()).as(this.seed)
			.allSatisfy((id, version) -> assertThat(version).isEqualTo(versions.get(id) + 1));
	}

	private void requestEverySessionTwice() {
		for (int round = 0; round < 2; round++) {
			for (Session session : shuffled()) {
				assertThat(getWithToken("/api/greeting", session.tokens().access()).status()).as(this.seed)
					.isEqualTo(200);
			}
		}
	}

	private List<Instant> lastActivities() {
		List<Instant> times = new ArrayList<>();
		for (Session session : this.sessions) {
			times.add(this.jdbc.queryForObject("select last_activity from myuser_user_session where id = ?",
					Timestamp.class, session.tokens().sessionId()).toInstant());
		}
		return times;
	}

	private Map<UUID, Long> versions() {
		Map<UUID, Long> versions = new HashMap<>();
		for (Session session : this.sessions) {
			versions.put(session.tokens().sessionId(), this.jdbc.queryForObject(
					"select version from myuser_user_session where id = ?", Long.class, session.tokens().sessionId()));
		}
		return versions;
	}

	private void logInTwoUsers() {
		for (int user = 0; user < 2; user++) {
			String email = uniqueEmail();
			User created = createUser(email, PASSWORD);
			for (int i = 0; i < SESSIONS_PER_USER; i++) {
				HttpResult login = login(email, PASSWORD);
				assertThat(login.status()).as(login.body()).isEqualTo(200);
				this.sessions.add(new Session(created.getId(), Tokens.of(login.json())));
			}
		}
		assertThat(this.sessions).hasSizeGreaterThan(3 * BOUND);
	}

	private List<Session> shuffled() {
		return shuffled(this.sessions);
	}

	private List<Session> shuffled(List<Session> sessions) {
		List<Session> copy = new ArrayList<>(sessions);
		Collections.shuffle(copy, this.random);
		return copy;
	}

	private record Session(UUID userId, Tokens tokens) {
	}

}
