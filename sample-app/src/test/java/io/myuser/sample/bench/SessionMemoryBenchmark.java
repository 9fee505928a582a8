package io.myuser.sample.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.myuser.ratelimit.MemoryRateLimiter;
import io.myuser.ratelimit.RateLimit;
import io.myuser.ratelimit.RateLimitKeys;
import io.myuser.sample.SampleApplication;
import io.myuser.session.SessionRevocationCache;
import io.myuser.session.SessionService;
import io.myuser.support.ClientInfo;
import io.myuser.support.SecretTokens;
import io.myuser.token.TokenClaims;
import io.myuser.token.TokenCodec;
import io.myuser.token.TokenPair;
import io.myuser.token.TokenService;
import io.myuser.token.TokenType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The driver of {@code bench/session-memory.sh}, not a test: the heap one node keeps for its live sessions, entry by
 * entry, measured as the live heap after full collections before and after each of MyUser's in-memory structures
 * has been filled for {@code sessions} sessions (100,000 by default):
 * <ol>
 * <li>verified access tokens ({@code TokenService}'s cache, keyed by the token's text): each session's access token
 * verified once through {@link TokenService#verifyAccessToken}, from a fresh copy of its text as a request would
 * bring it;</li>
 * <li>session owners ({@code SessionService}): {@link SessionService#belongsTo} once per session, which reads the
 * row once;</li>
 * <li>activity written ({@code SessionService}): {@link SessionService#recordRequestActivity} once per session,
 * which writes {@code last_activity} once;</li>
 * <li>revoked sessions ({@link SessionRevocationCache}): a revocation row per session inserted on the server, then
 * loaded as another node's revocations are ({@link SessionRevocationCache#refresh()});</li>
 * <li>rate-limit budgets (the memory store): one {@code login.per-account} budget per session's address spent once,
 * as a login spends it.</li>
 * </ol>
 * Those are the same calls an authenticated request, a logout on another node and a login make, without HTTP in
 * between, so only MyUser's entries are measured. The rows live on an embedded PostgreSQL server (a separate
 * process, so they are not in this JVM's heap). The tokens carry the claims a real login gives (taken from a token
 * pair issued by {@link TokenService}), with their own ids; the client's copies are made before the first
 * measurement, so they are not counted. Each structure is warmed up on a separate set of 2,000 sessions first
 * (classes, query plans, pools), and the activity resolution is raised to an hour so that no entry expires while
 * the others are filled. The revocation poller is stopped after the warm-up (each of its polls reads every revocation
 * of the last poll overlap again, and one in flight would be counted); the time of one such poll is printed. Each
 * reading of the live heap is the median of three, each after two full collections.
 * <p>
 * Usage: {@code SessionMemoryBenchmark [sessions]}. The last line printed is {@code RESULT key=value ...} with bytes
 * per entry, for the script.
 */
public final class SessionMemoryBenchmark {

	private static final double MB = 1024.0 * 1024.0;

	private static final String SECRET = "base64:WLNoOHio2il1gNTRByT/rni6PBsPYRgx/Ndv+Xk8jOs=";

	private static final int USERS = 1000;

	private static final int WARM_UP = 2000;

	private static final RateLimit LOGIN_PER_ACCOUNT = RateLimit.parse("10/day");

	private final ConfigurableApplicationContext app;

	private SessionMemoryBenchmark(ConfigurableApplicationContext app) {
		this.app = app;
	}

	public static void main(String[] args) throws Exception {
		int sessions = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "off").start();
				ConfigurableApplicationContext app = start(postgres)) {
			new SessionMemoryBenchmark(app).run(sessions);
		}
	}

	private static ConfigurableApplicationContext start(EmbeddedPostgres postgres) {
		String[] arguments = { "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--server.port=0", "--myuser.token.signing.secret=" + SECRET,
				"--sample.demo-user.enabled=false", "--myuser.mail.enabled=false",
				"--myuser.gdpr.export.location=${java.io.tmpdir}/myuser-memory-bench-exports",
				// No activity entry may expire while the other structures are filled.
				"--myuser.session.activity-resolution=1h", "--spring.main.banner-mode=off",
				"--logging.level.io.myuser=WARN", "--logging.level.audit=WARN" };
		return new SpringApplicationBuilder(SampleApplication.class).web(WebApplicationType.SERVLET)
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("benchmarkExcludesTestClasses", new ExcludeTestClasses()))
			.run(arguments);
	}

	private void run(int count) throws Exception {
		DataSource dataSource = this.app.getBean(DataSource.class);
		try (Connection connection = dataSource.getConnection()) {
			String database = connection.getMetaData().getDatabaseProductName();
			if (!"PostgreSQL".equals(database)) {
				throw new IllegalStateException("expected the embedded PostgreSQL, got " + database);
			}
		}
		TokenService tokens = this.app.getBean(TokenService.class);
		SessionService sessions = this.app.getBean(SessionService.class);
		SessionRevocationCache revocations = this.app.getBean(SessionRevocationCache.class);
		MemoryRateLimiter limiter = this.app.getBean(MemoryRateLimiter.class);
		RateLimitKeys keys = this.app.getBean(RateLimitKeys.class);
		System.out.printf(Locale.ROOT, "jvm: %s %s, max heap %.0f MB, %d cores; %d sessions%n",
				System.getProperty("java.vm.name"), System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() / MB, Runtime.getRuntime().availableProcessors(), count);

		TokenClaims login = loginClaims(dataSource, tokens);
		Sessions warmUp = createSessions(dataSource, "warm-up", WARM_UP, login);
		Sessions measured = createSessions(dataSource, "bench", count, login);
		System.out.printf(Locale.ROOT, "access tokens of %d characters, with the claims of a login's token%n",
				measured.tokens()[0].length);

		// Warm-up: every step on sessions of their own, so that what the first call of each loads is not counted.
		fill(warmUp, tokens, sessions, revocations, limiter, keys, dataSource, "warm-up");
		// The node's own poller re-reads every revocation of the last poll-overlap every poll-interval: stopped
		// here, so that no poll is loading rows while the heap is read; the revocations are loaded by hand below.
		revocations.stop();

		List<String> names = List.of("verified access tokens", "session owners", "activity written",
				"revoked sessions", "rate-limit budgets (memory store)");
		List<String> keysOut = List.of("verified_token", "owner", "activity", "revocation", "rate_limit_key");
		double[] heap = new double[names.size() + 1];
		heap[0] = liveHeapBytes();
		for (int step = 0; step < names.size(); step++) {
			long started = System.nanoTime();
			step(step, measured, tokens, sessions, revocations, limiter, keys, dataSource, "bench");
			double seconds = (System.nanoTime() - started) / 1e9;
			heap[step + 1] = liveHeapBytes();
			System.out.printf(Locale.ROOT, "%-36s %8d entries in %6.1f s: %7.1f MB, %6.0f bytes per entry%n",
					names.get(step), count, seconds, (heap[step + 1] - heap[step]) / MB,
					(heap[step + 1] - heap[step]) / count);
		}
		// What each poll costs while the revocations above are within the poll overlap: all of them are read again.
		long polling = System.nanoTime();
		revocations.refresh();
		System.out.printf(Locale.ROOT, "one poll while %d revocations are within the poll overlap: %.2f s%n", count,
				(System.nanoTime() - polling) / 1e9);
		double perSession = (heap[4] - heap[0]) / count;
		System.out.printf(Locale.ROOT,
				"a live session seen on this node (token, owner, activity): %.0f bytes; %d of them: %.1f MB%n",
				(heap[3] - heap[0]) / count, count, (heap[3] - heap[0]) / MB);
		System.out.printf(Locale.ROOT, "with a revocation each as well: %.0f bytes; %d of them: %.1f MB%n", perSession,
				count, (heap[4] - heap[0]) / MB);
		StringBuilder result = new StringBuilder("RESULT sessions=" + count);
		for (int step = 0; step < keysOut.size(); step++) {
			result.append(String.format(Locale.ROOT, " %s_bytes=%.0f", keysOut.get(step),
					(heap[step + 1] - heap[step]) / count));
		}
		result.append(String.format(Locale.ROOT, " token_chars=%d baseline_mb=%.1f", measured.tokens()[0].length,
				heap[0] / MB));
		System.out.println(result);
		// Keep everything measured reachable until the last reading.
		if (measured.tokens().length != count || revocations.size() < count) {
			throw new IllegalStateException("expected " + count + " revocations held, found " + revocations.size());
		}
	}

	private void fill(Sessions set, TokenService tokens, SessionService sessions, SessionRevocationCache revocations,
			MemoryRateLimiter limiter, RateLimitKeys keys, DataSource dataSource, String prefix) throws SQLException {
		for (int step = 0; step < 5; step++) {
			step(step, set, tokens, sessions, revocations, limiter, keys, dataSource, prefix);
		}
	}

	private void step(int step, Sessions set, TokenService tokens, SessionService sessions,
			SessionRevocationCache revocations, MemoryRateLimiter limiter, RateLimitKeys keys, DataSource dataSource,
			String prefix) throws SQLException {
		int count = set.size();
		switch (step) {
			case 0 -> IntStream.range(0, count).parallel().forEach((i) -> {
				// A fresh copy, as a request brings it: the cache keeps the text it was given.
				String token = new String(set.tokens()[i], StandardCharsets.US_ASCII);
				if (!tokens.verifyAccessToken(token).sessionId().equals(set.sessionIds()[i])) {
					throw new IllegalStateException("a token named another session");
				}
			});
			case 1 -> IntStream.range(0, count).parallel().forEach((i) -> {
				if (!sessions.belongsTo(set.sessionIds()[i], set.userIds()[i])) {
					throw new IllegalStateException("a session did not belong to its user");
				}
			});
			case 2 -> IntStream.range(0, count)
				.parallel()
				.forEach((i) -> sessions.recordRequestActivity(set.sessionIds()[i]));
			case 3 -> {
				// Counted before the insert: the node's own poller may load the rows before this refresh does.
				int before = revocations.size();
				insertRevocations(dataSource, prefix);
				revocations.refresh();
				if (revocations.size() < before + count) {
					throw new IllegalStateException("expected " + count + " more revocations, held "
							+ (revocations.size() - before) + " more");
				}
			}
			case 4 -> IntStream.range(0, count).parallel().forEach((i) -> {
				String address = prefix + "-" + i + "@example.com";
				if (!limiter.tryConsume(keys.address("login.per-account", address), LOGIN_PER_ACCOUNT).allowed()) {
					throw new IllegalStateException("a fresh budget was refused");
				}
			});
			default -> throw new IllegalArgumentException("no step " + step);
		}
	}

	/** The claims of a real login's access token: authorities and extra claims as the application issues them. */
	private TokenClaims loginClaims(DataSource dataSource, TokenService tokens) throws SQLException {
		UUID userId = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		try (Connection connection = dataSource.getConnection();
				PreparedStatement insert = connection.prepareStatement("""
						insert into myuser_user (id, email, email_canonical, first_name, last_name, active,
						    email_verified, staff, date_joined, created_at, updated_at)
						values (?, 'login@example.com', 'login@example.com', 'Bench', 'User', true, true, false, ?, ?, ?)
						""")) {
			insert.setObject(1, userId);
			insert.setTimestamp(2, now);
			insert.setTimestamp(3, now);
			insert.setTimestamp(4, now);
			insert.executeUpdate();
		}
		TransactionTemplate transaction = new TransactionTemplate(
				this.app.getBean(org.springframework.transaction.PlatformTransactionManager.class));
		TokenPair pair = transaction
			.execute((status) -> tokens.issueForLogin(userId, new ClientInfo("127.0.0.1", "bench"), "password"));
		return this.app.getBean(TokenCodec.class).decode(pair.access(), TokenType.ACCESS);
	}

	private void insertRevocations(DataSource dataSource, String prefix) throws SQLException {
		Instant now = Instant.now();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement insert = connection.prepareStatement("""
						insert into myuser_token_revocation (id, session_id, user_id, reason, revoked_at, expires_at,
						    created_at, updated_at)
						select gen_random_uuid(), s.id, s.user_id, 'logout', ?, ?, ?, ?
						from myuser_user_session s where s.login_method = ?""")) {
			insert.setTimestamp(1, Timestamp.from(now));
			insert.setTimestamp(2, Timestamp.from(now.plus(2, ChronoUnit.HOURS)));
			insert.setTimestamp(3, Timestamp.from(now));
			insert.setTimestamp(4, Timestamp.from(now));
			insert.setString(5, prefix);
			insert.executeUpdate();
		}
	}

	private static double liveHeapBytes() throws InterruptedException {
		double[] readings = new double[3];
		for (int r = 0; r < readings.length; r++) {
			for (int i = 0; i < 2; i++) {
				ManagementFactory.getMemoryMXBean().gc();
			}
			readings[r] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			Thread.sleep(200);
		}
		Arrays.sort(readings);
		return readings[1];
	}

	/**
	 * Insert users and live sessions for them on the server (last activity two hours ago, so the first activity
	 * of each is written), read them back and sign an access token for each with the claims of a login.
	 */
	private Sessions createSessions(DataSource dataSource, String prefix, int count, TokenClaims login)
			throws SQLException {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Timestamp twoHoursAgo = Timestamp.from(now.minus(2, ChronoUnit.HOURS));
		Timestamp inAWeek = Timestamp.from(now.plus(7, ChronoUnit.DAYS));
		int users = Math.min(USERS, count);
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement insertUsers = connection.prepareStatement("""
					insert into myuser_user (id, email, email_canonical, first_name, last_name, active,
					    email_verified, staff, date_joined, created_at, updated_at)
					select gen_random_uuid(), ? || g || '@example.com', ? || g || '@example.com', 'Bench', 'User',
					    true, true, false, ?, ?, ?
					from generate_series(1, ?) g""")) {
				insertUsers.setString(1, prefix);
				insertUsers.setString(2, prefix);
				insertUsers.setTimestamp(3, twoHoursAgo);
				insertUsers.setTimestamp(4, twoHoursAgo);
				insertUsers.setTimestamp(5, twoHoursAgo);
				insertUsers.setInt(6, users);
				insertUsers.executeUpdate();
			}
			try (PreparedStatement insertSessions = connection.prepareStatement("""
					insert into myuser_user_session (id, user_id, ip_address, user_agent, login_method, last_activity,
					    expires_at, created_at, updated_at)
					select gen_random_uuid(), u.id, '127.0.0.1', 'session-memory-bench', ?, ?, ?, ?, ?
					from generate_series(0, ? - 1) g
					join (select id, row_number() over (order by id) - 1 as n from myuser_user
					      where email like ? || '%') u on u.n = g % ?""")) {
				insertSessions.setString(1, prefix);
				insertSessions.setTimestamp(2, twoHoursAgo);
				insertSessions.setTimestamp(3, inAWeek);
				insertSessions.setTimestamp(4, twoHoursAgo);
				insertSessions.setTimestamp(5, twoHoursAgo);
				insertSessions.setInt(6, count);
				insertSessions.setString(7, prefix);
				insertSessions.setInt(8, users);
				insertSessions.executeUpdate();
			}
			connection.commit();
			connection.setAutoCommit(true);
			try (Statement settle = connection.createStatement()) {
				settle.execute("vacuum analyze myuser_user");
				settle.execute("vacuum analyze myuser_user_session");
			}
			UUID[] sessionIds = new UUID[count];
			UUID[] userIds = new UUID[count];
			try (PreparedStatement select = connection
				.prepareStatement("select id, user_id from myuser_user_session where login_method = ?")) {
				select.setString(1, prefix);
				try (ResultSet rows = select.executeQuery()) {
					int i = 0;
					while (rows.next()) {
						sessionIds[i] = rows.getObject(1, UUID.class);
						userIds[i] = rows.getObject(2, UUID.class);
						i++;
					}
					if (i != count) {
						throw new IllegalStateException("expected " + count + " sessions, read " + i);
					}
				}
			}
			TokenCodec codec = this.app.getBean(TokenCodec.class);
			Instant expires = now.plus(2, ChronoUnit.HOURS);
			byte[][] tokens = new byte[count][];
			IntStream.range(0, count).parallel().forEach((i) -> tokens[i] = codec
				.encode(new TokenClaims(userIds[i], sessionIds[i], SecretTokens.generate(), TokenType.ACCESS, now,
						expires, login.authorities(), login.extraClaims()))
				.getBytes(StandardCharsets.US_ASCII));
			return new Sessions(tokens, sessionIds, userIds);
		}
	}

	/** The client's side of a set of sessions: each one's access token, id and user. */
	private record Sessions(byte[][] tokens, UUID[] sessionIds, UUID[] userIds) {

		int size() {
			return this.tokens.length;
		}

	}

}
