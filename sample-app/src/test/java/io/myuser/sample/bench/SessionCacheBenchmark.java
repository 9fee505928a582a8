package io.myuser.sample.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
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
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.myuser.sample.SampleApplication;
import io.myuser.support.SecretTokens;
import io.myuser.token.TokenClaims;
import io.myuser.token.TokenCodec;
import io.myuser.token.TokenType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The driver of {@code bench/session-cache-bound.sh}, not a test: holds many live sessions (200,000 by default) on
 * one node and drives authenticated requests at them over loopback HTTP, printing throughput and latency per time
 * window while the node's caches of verified tokens, session owners and session activity fill up to their bounds
 * and run past them. A cache that empties itself when full shows as windows far slower than the rest; bounded caches
 * that evict entry by entry show none.
 * <p>
 * The sessions are made directly in the database: users and {@code myuser_user_session} rows inserted on an embedded
 * PostgreSQL server (a separate process, so the rows are not in this JVM's heap), and one access token per session
 * signed with the application's own {@link TokenCodec}, as a login would sign it. The requests are
 * {@code GET /api/greeting} (a host endpoint that answers the token's user id and does no database work), sent by a
 * few client threads over keep-alive connections with a minimal HTTP/1.1 client, so the client costs little next to
 * the server. Every answer must be 200 and name the token's own user; the run stops at the first that does not.
 * <p>
 * Phases, each printed window by window:
 * <ol>
 * <li>warm-up: a separate set of 20,000 sessions, each once (first requests, as in the fill), then 2,000 of them at
 * random for ten seconds, to compile the hot paths of both;</li>
 * <li>fill: every session once, in a shuffled order: each request is the session's first on this node (a miss in
 * every cache: the signature is verified, the session's owner is read and its activity written), and the caches
 * grow to their bounds and then evict;</li>
 * <li>steady: requests at sessions drawn uniformly at random from all of them for a fixed time, with the caches at
 * their bounds: the hit rate is what the bounds allow, and should not swing.</li>
 * </ol>
 * Per window: requests per second, the 50th and 99th percentile and the maximum latency, and two counters of
 * server-side work: access tokens verified by the codec (cache misses of the verified-token cache) and database
 * connections taken on request threads (session owner reads and activity writes), both per second. The last lines
 * give, per phase, the worst window against the median (lowest throughput / median throughput, highest p99 / median
 * p99) and the heap left after full collections at the phase boundaries.
 * <p>
 * Usage: {@code SessionCacheBenchmark [sessions] [steady-seconds] [window-seconds] [connections] [--property=value
 * ...]}; arguments starting with {@code --} go to the application (for example
 * {@code --myuser.token.verified-token-cache-size=50000}). The last line printed is {@code RESULT key=value ...} for
 * the script.
 */
public final class SessionCacheBenchmark {

	private static final double MB = 1024.0 * 1024.0;

	private static final String SECRET = "base64:WLNoOHio2il1gNTRByT/rni6PBsPYRgx/Ndv+Xk8jOs=";

	private static final int USERS = 1000;

	private static final int WARM_UP_SESSIONS = 20_000;

	private static final long SEED = 20261203L;

	private final ConfigurableApplicationContext app;

	private final int port;

	private final Counters counters;

	private SessionCacheBenchmark(ConfigurableApplicationContext app, Counters counters) {
		this.app = app;
		this.port = ((WebServerApplicationContext) app).getWebServer().getPort();
		this.counters = counters;
	}

	public static void main(String[] args) throws Exception {
		List<String> numbers = new ArrayList<>();
		List<String> appArguments = new ArrayList<>();
		for (String arg : args) {
			(arg.startsWith("--") ? appArguments : numbers).add(arg);
		}
		int sessions = (numbers.size() > 0) ? Integer.parseInt(numbers.get(0)) : 200_000;
		int steadySeconds = (numbers.size() > 1) ? Integer.parseInt(numbers.get(1)) : 60;
		int windowSeconds = (numbers.size() > 2) ? Integer.parseInt(numbers.get(2)) : 2;
		int connections = (numbers.size() > 3) ? Integer.parseInt(numbers.get(3)) : 8;
		Counters counters = new Counters();
		// Commits need not wait for the disk: what is measured is the node's caches, not the disk's flush latency.
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setServerConfig("synchronous_commit", "off")
			.start(); ConfigurableApplicationContext app = start(postgres, appArguments, counters)) {
			new SessionCacheBenchmark(app, counters).run(sessions, steadySeconds, windowSeconds, connections,
					appArguments);
		}
	}

	private static ConfigurableApplicationContext start(EmbeddedPostgres postgres, List<String> extra,
			Counters counters) {
		List<String> arguments = new ArrayList<>(List.of(
				// Arguments, not default properties: they must win over the sample's application.properties (H2).
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--server.port=0", "--myuser.token.signing.secret=" + SECRET,
				"--sample.demo-user.enabled=false", "--myuser.mail.enabled=false",
				"--myuser.gdpr.export.location=${java.io.tmpdir}/myuser-session-bench-exports",
				// One connection per client thread for the whole run, as a load generator such as wrk keeps it.
				"--server.tomcat.max-keep-alive-requests=-1", "--spring.main.banner-mode=off",
				"--logging.level.io.myuser=WARN", "--logging.level.audit=WARN"));
		arguments.addAll(extra);
		return new SpringApplicationBuilder(SampleApplication.class).web(WebApplicationType.SERVLET)
			.initializers((context) -> {
				// This driver runs from the test classes: keep the tests' configurations out of the sample's scan.
				context.getBeanFactory().registerSingleton("benchmarkExcludesTestClasses", new ExcludeTestClasses());
				context.getBeanFactory().addBeanPostProcessor(counters);
			})
			.run(arguments.toArray(String[]::new));
	}

	private void run(int sessions, int steadySeconds, int windowSeconds, int connections, List<String> appArguments)
			throws Exception {
		DataSource dataSource = this.app.getBean(DataSource.class);
		try (Connection connection = dataSource.getConnection()) {
			String database = connection.getMetaData().getDatabaseProductName();
			if (!"PostgreSQL".equals(database)) {
				throw new IllegalStateException("expected the embedded PostgreSQL, got " + database);
			}
		}
		System.out.printf(Locale.ROOT, "jvm: %s %s, max heap %.0f MB, collectors %s, %d cores%n",
				System.getProperty("java.vm.name"), System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() / MB, ManagementFactory.getGarbageCollectorMXBeans()
					.stream()
					.map(GarbageCollectorMXBean::getName)
					.collect(Collectors.joining(", ")),
				Runtime.getRuntime().availableProcessors());
		System.out.printf(Locale.ROOT, "sessions %d, steady %d s, windows of %d s, %d connections, seed %d, "
				+ "application arguments %s%n", sessions, steadySeconds, windowSeconds, connections, SEED,
				appArguments.isEmpty() ? "(defaults)" : String.join(" ", appArguments));
		double startedHeap = liveHeapMb();

		long creating = System.nanoTime();
		Sessions warmUp = createSessions(dataSource, "warm-up", WARM_UP_SESSIONS);
		Sessions measured = createSessions(dataSource, "bench", sessions);
		double clientHeap = liveHeapMb();
		System.out.printf(Locale.ROOT,
				"created %d + %d sessions and signed their access tokens (%d characters each) in %.1f s; tokens held "
						+ "by the client: %.1f MB%n",
				warmUp.size(), measured.size(), measured.tokens()[0].length, (System.nanoTime() - creating) / 1e9,
				(measured.tokenBytes() + warmUp.tokenBytes()) / MB);

		System.out.println();
		System.out.println("phase   window  end_s    req/s  p50_ms  p99_ms  max_ms  verified/s  db_conn/s  verified/req  "
				+ "db_conn/req  sessions_seen");
		Load load = new Load(this.port, connections, windowSeconds, this.counters);
		load.run("warm-up", warmUp, Order.SWEEP, 0);
		// The hit path on a few of them only: sessions requested again and again stay in the caches (Caffeine
		// admits by frequency), and would take that many places from the measured sessions.
		load.run("warm-up", warmUp.first(WARM_UP_SESSIONS / 10), Order.RANDOM, 10);
		double afterWarmUp = liveHeapMb();
		PhaseResult fill = load.run("fill", measured, Order.SWEEP, 0);
		double afterFill = liveHeapMb();
		PhaseResult steady = load.run("steady", measured, Order.RANDOM, steadySeconds);
		double afterSteady = liveHeapMb();

		System.out.println();
		System.out.printf(Locale.ROOT, "live heap after full collections: started %.1f MB, with the client's tokens "
				+ "%.1f MB, after warm-up %.1f MB, after fill %.1f MB, after steady %.1f MB (of %.0f MB max)%n",
				startedHeap, clientHeap, afterWarmUp, afterFill, afterSteady, Runtime.getRuntime().maxMemory() / MB);
		System.out.printf(Locale.ROOT, "server caches and sessions held after steady: about %.1f MB%n",
				afterSteady - clientHeap);
		for (PhaseResult phase : List.of(fill, steady)) {
			System.out.println(phase.summary());
		}
		System.out.printf(Locale.ROOT,
				"RESULT sessions=%d fill_median_rps=%.0f fill_min_ratio=%.3f fill_p99_ratio=%.3f "
						+ "steady_median_rps=%.0f steady_min_ratio=%.3f steady_p99_ratio=%.3f "
						+ "steady_verified_per_request=%.3f steady_max_verified_per_request=%.3f "
						+ "steady_connections_per_request=%.3f steady_max_connections_per_request=%.3f "
						+ "heap_after_mb=%.1f client_heap_mb=%.1f%n",
				measured.size(), fill.medianRate(), fill.minRatio(), fill.p99Ratio(), steady.medianRate(),
				steady.minRatio(), steady.p99Ratio(), steady.medianVerifiedPerRequest(),
				steady.maxVerifiedPerRequest(), steady.medianConnectionsPerRequest(),
				steady.maxConnectionsPerRequest(), afterSteady, clientHeap);
	}

	private static double liveHeapMb() {
		for (int i = 0; i < 2; i++) {
			ManagementFactory.getMemoryMXBean().gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MB;
	}

	/**
	 * Insert users and live sessions for them on the server, read the sessions back and sign an access token for
	 * each, valid for two hours.
	 */
	private Sessions createSessions(DataSource dataSource, String prefix, int count) throws SQLException {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Timestamp tenMinutesAgo = Timestamp.from(now.minus(10, ChronoUnit.MINUTES));
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
				insertUsers.setTimestamp(3, tenMinutesAgo);
				insertUsers.setTimestamp(4, tenMinutesAgo);
				insertUsers.setTimestamp(5, tenMinutesAgo);
				insertUsers.setInt(6, users);
				insertUsers.executeUpdate();
			}
			// Sessions go round the users: session g belongs to user (g mod users). Their last activity is ten
			// minutes old, so the first request of each writes it, as after a quiet spell.
			try (PreparedStatement insertSessions = connection.prepareStatement("""
					insert into myuser_user_session (id, user_id, ip_address, user_agent, login_method, last_activity,
					    expires_at, created_at, updated_at)
					select gen_random_uuid(), u.id, '127.0.0.1', 'session-cache-bench', ?, ?, ?, ?, ?
					from generate_series(0, ? - 1) g
					join (select id, row_number() over (order by id) - 1 as n from myuser_user
					      where email like ? || '%') u on u.n = g % ?""")) {
				insertSessions.setString(1, prefix);
				insertSessions.setTimestamp(2, tenMinutesAgo);
				insertSessions.setTimestamp(3, inAWeek);
				insertSessions.setTimestamp(4, tenMinutesAgo);
				insertSessions.setTimestamp(5, tenMinutesAgo);
				insertSessions.setInt(6, count);
				insertSessions.setString(7, prefix);
				insertSessions.setInt(8, users);
				insertSessions.executeUpdate();
			}
			connection.commit();
			// Settle the new rows before they are measured: statistics, visibility and hint bits now, so that neither
			// autovacuum nor the first update of each page does it during the fill, and a checkpoint behind them.
			connection.setAutoCommit(true);
			try (Statement settle = connection.createStatement()) {
				settle.execute("vacuum analyze myuser_user");
				settle.execute("vacuum analyze myuser_user_session");
				settle.execute("checkpoint");
			}
			connection.setAutoCommit(false);
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
			connection.commit();
			TokenCodec codec = this.app.getBean(TokenCodec.class);
			Instant expires = now.plus(2, ChronoUnit.HOURS);
			byte[][] tokens = new byte[count][];
			byte[][] expected = new byte[count][];
			IntStream.range(0, count).parallel().forEach((i) -> {
				tokens[i] = codec.encode(new TokenClaims(userIds[i], sessionIds[i], SecretTokens.generate(),
						TokenType.ACCESS, now, expires))
					.getBytes(StandardCharsets.US_ASCII);
				expected[i] = userIds[i].toString().getBytes(StandardCharsets.US_ASCII);
			});
			return new Sessions(tokens, expected);
		}
	}

	/** The tokens of a set of sessions and, for each, the user id its answer must name. */
	private record Sessions(byte[][] tokens, byte[][] userIds) {

		int size() {
			return this.tokens.length;
		}

		Sessions first(int count) {
			return new Sessions(Arrays.copyOf(this.tokens, count), Arrays.copyOf(this.userIds, count));
		}

		long tokenBytes() {
			return Arrays.stream(this.tokens).mapToLong((token) -> token.length + 16L).sum()
					+ Arrays.stream(this.userIds).mapToLong((id) -> id.length + 16L).sum() + 16L * size();
		}

	}

	private enum Order {

		/** Each session once, in a shuffled order; the phase ends when all have been requested. */
		SWEEP,

		/** Sessions drawn uniformly at random, for a fixed time. */
		RANDOM

	}

	/**
	 * Counts server-side work: access tokens decoded (verified) by the codec, and database connections taken on
	 * request threads. Registered as a bean post-processor, it wraps the application's {@link TokenCodec} and
	 * {@link DataSource}.
	 */
	static final class Counters implements BeanPostProcessor {

		final AtomicLong verified = new AtomicLong();

		final AtomicLong requestConnections = new AtomicLong();

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof TokenCodec codec) {
				return new TokenCodec() {
					@Override
					public String encode(TokenClaims claims) {
						return codec.encode(claims);
					}

					@Override
					public TokenClaims decode(String token, TokenType expectedType) {
						if (expectedType == TokenType.ACCESS) {
							Counters.this.verified.incrementAndGet();
						}
						return codec.decode(token, expectedType);
					}
				};
			}
			if (bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)) {
				return new DelegatingDataSource(dataSource) {
					@Override
					public Connection getConnection() throws SQLException {
						if (Thread.currentThread().getName().startsWith("http-")) {
							Counters.this.requestConnections.incrementAndGet();
						}
						return super.getConnection();
					}
				};
			}
			return bean;
		}

	}

	/** Client threads sending requests, and the per-window figures they leave. */
	private static final class Load {

		private final int port;

		private final int connections;

		private final long windowNanos;

		private final Counters counters;

		Load(int port, int connections, int windowSeconds, Counters counters) {
			this.port = port;
			this.connections = connections;
			this.windowNanos = windowSeconds * 1_000_000_000L;
			this.counters = counters;
		}

		PhaseResult run(String name, Sessions sessions, Order order, int seconds) throws Exception {
			int[] sequence = IntStream.range(0, sessions.size()).toArray();
			shuffle(sequence, new SplittableRandom(SEED));
			AtomicInteger next = new AtomicInteger();
			AtomicInteger seen = new AtomicInteger();
			long start = System.nanoTime();
			long end = (order == Order.RANDOM) ? start + seconds * 1_000_000_000L : Long.MAX_VALUE;
			ConcurrentHashMap<Integer, Window> windows = new ConcurrentHashMap<>();
			AtomicReference<Throwable> failure = new AtomicReference<>();
			List<Thread> threads = new ArrayList<>();
			for (int t = 0; t < this.connections; t++) {
				SplittableRandom random = new SplittableRandom(SEED + 31L * t + name.hashCode());
				Thread thread = new Thread(() -> {
					try (BenchHttpConnection connection = new BenchHttpConnection(this.port)) {
						while (failure.get() == null) {
							int index;
							if (order == Order.SWEEP) {
								int position = next.getAndIncrement();
								if (position >= sequence.length) {
									break;
								}
								index = sequence[position];
							}
							else {
								if (System.nanoTime() >= end) {
									break;
								}
								index = random.nextInt(sequence.length);
							}
							long sent = System.nanoTime();
							greet(connection, sessions.tokens()[index], sessions.userIds()[index]);
							long answered = System.nanoTime();
							if (order == Order.SWEEP) {
								seen.incrementAndGet();
							}
							windows.computeIfAbsent((int) ((answered - start) / this.windowNanos), (w) -> new Window())
								.record((answered - sent) / 1000);
						}
					}
					catch (Throwable ex) {
						failure.compareAndSet(null, ex);
					}
				}, "bench-client-" + t);
				threads.add(thread);
			}
			long verifiedBefore = this.counters.verified.get();
			long connectionsBefore = this.counters.requestConnections.get();
			threads.forEach(Thread::start);
			List<WindowFigures> figures = new ArrayList<>();
			int window = 0;
			long verifiedMark = verifiedBefore;
			long connectionsMark = connectionsBefore;
			while (true) {
				long windowEnd = start + (window + 1) * this.windowNanos;
				boolean running = true;
				while (running && System.nanoTime() < windowEnd) {
					Thread.sleep(Math.max(1, Math.min(50, (windowEnd - System.nanoTime()) / 1_000_000)));
					running = threads.stream().anyMatch(Thread::isAlive);
				}
				if (!running) {
					break; // the phase ended inside this window: it is partial
				}
				Thread.sleep(10); // answers are filed by the time they came; let the last ones of the window land
				long verifiedNow = this.counters.verified.get();
				long connectionsNow = this.counters.requestConnections.get();
				Window done = windows.getOrDefault(window, new Window());
				WindowFigures line = new WindowFigures(name, window, (windowEnd - start) / 1e9,
						done.count() * 1e9 / this.windowNanos, done.percentile(0.50), done.percentile(0.99),
						done.max(), (verifiedNow - verifiedMark) * 1e9 / this.windowNanos,
						(connectionsNow - connectionsMark) * 1e9 / this.windowNanos,
						(order == Order.SWEEP) ? seen.get() : -1, true);
				print(line);
				figures.add(line);
				verifiedMark = verifiedNow;
				connectionsMark = connectionsNow;
				window++;
			}
			for (Thread thread : threads) {
				thread.join();
			}
			long finished = System.nanoTime();
			if (failure.get() != null) {
				throw new IllegalStateException("request failed in phase " + name, failure.get());
			}
			// The last, partial window: its rate over the time it lasted; not counted in the phase's figures.
			Window last = windows.get(window);
			if (last != null && last.count() > 0) {
				double lasted = (finished - (start + window * this.windowNanos)) / 1e9;
				print(new WindowFigures(name, window, (finished - start) / 1e9, last.count() / lasted,
						last.percentile(0.50), last.percentile(0.99), last.max(),
						(this.counters.verified.get() - verifiedMark) / lasted,
						(this.counters.requestConnections.get() - connectionsMark) / lasted,
						(order == Order.SWEEP) ? seen.get() : -1, false));
			}
			long requests = windows.values().stream().mapToLong(Window::count).sum();
			return new PhaseResult(name, figures, requests,
					(finished - start) / 1e9, this.counters.verified.get() - verifiedBefore,
					this.counters.requestConnections.get() - connectionsBefore);
		}

		private static final byte[] GREETING = ("GET /api/greeting HTTP/1.1\r\nHost: localhost\r\n"
				+ "Authorization: Bearer ").getBytes(StandardCharsets.US_ASCII);

		private static final byte[] END_OF_HEADERS = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

		/** {@code GET /api/greeting} with the token; fails on any status but 200 or an answer naming another user. */
		private static void greet(BenchHttpConnection connection, byte[] token, byte[] userId) throws IOException {
			int status = connection.exchange(GREETING, token, END_OF_HEADERS);
			if (status != 200) {
				throw new IOException("answer was " + status);
			}
			if (!connection.bodyContains(userId)) {
				throw new IOException("answer does not name the token's user: " + connection.body());
			}
		}

		private static void print(WindowFigures line) {
			System.out.printf(Locale.ROOT, "%-7s %6d %6.1f %8.0f %7.2f %7.2f %7.1f %11.0f %10.0f %13.3f %12.3f %14s%s%n",
					line.phase(), line.window(), line.endSeconds(), line.rate(), line.p50() / 1000.0,
					line.p99() / 1000.0, line.max() / 1000.0, line.verified(), line.connections(),
					line.verifiedPerRequest(), line.connectionsPerRequest(),
					(line.seen() >= 0) ? Integer.toString(line.seen()) : "-", line.full() ? "" : "  (partial)");
		}

		private static void shuffle(int[] values, SplittableRandom random) {
			for (int i = values.length - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int swap = values[i];
				values[i] = values[j];
				values[j] = swap;
			}
		}

	}

	private record WindowFigures(String phase, int window, double endSeconds, double rate, long p50, long p99,
			long max, double verified, double connections, int seen, boolean full) {

		/** Share of the window's requests whose token the codec verified: misses of the verified-token cache. */
		double verifiedPerRequest() {
			return (this.rate > 0) ? this.verified / this.rate : 0;
		}

		/** Database connections per request: session owner reads and activity writes. */
		double connectionsPerRequest() {
			return (this.rate > 0) ? this.connections / this.rate : 0;
		}

	}

	private record PhaseResult(String name, List<WindowFigures> windows, long requests, double seconds,
			long verified, long connections) {

		double medianRate() {
			return median(this.windows.stream().mapToDouble(WindowFigures::rate).toArray());
		}

		double minRate() {
			return this.windows.stream().mapToDouble(WindowFigures::rate).min().orElse(Double.NaN);
		}

		double minRatio() {
			return minRate() / medianRate();
		}

		double medianP99() {
			return median(this.windows.stream().mapToDouble(WindowFigures::p99).toArray());
		}

		double maxP99() {
			return this.windows.stream().mapToDouble(WindowFigures::p99).max().orElse(Double.NaN);
		}

		double p99Ratio() {
			return maxP99() / medianP99();
		}

		double medianVerifiedPerRequest() {
			return median(this.windows.stream().mapToDouble(WindowFigures::verifiedPerRequest).toArray());
		}

		double maxVerifiedPerRequest() {
			return this.windows.stream().mapToDouble(WindowFigures::verifiedPerRequest).max().orElse(Double.NaN);
		}

		double medianConnectionsPerRequest() {
			return median(this.windows.stream().mapToDouble(WindowFigures::connectionsPerRequest).toArray());
		}

		double maxConnectionsPerRequest() {
			return this.windows.stream().mapToDouble(WindowFigures::connectionsPerRequest).max().orElse(Double.NaN);
		}

		String summary() {
			return String.format(Locale.ROOT,
					"%s: %d requests in %.1f s (%.0f req/s), %d tokens verified, %d request-thread connections; "
							+ "%d full windows: median %.0f req/s, lowest %.0f (lowest/median %.3f); "
							+ "median p99 %.2f ms, highest %.2f ms (highest/median %.3f); verified per request: median "
							+ "%.3f, highest %.3f; connections per request: median %.3f, highest %.3f",
					this.name, this.requests, this.seconds, this.requests / this.seconds, this.verified,
					this.connections, this.windows.size(), medianRate(), minRate(), minRatio(), medianP99() / 1000.0,
					maxP99() / 1000.0, p99Ratio(), medianVerifiedPerRequest(), maxVerifiedPerRequest(),
					medianConnectionsPerRequest(), maxConnectionsPerRequest());
		}

		private static double median(double[] values) {
			if (values.length == 0) {
				return Double.NaN;
			}
			double[] sorted = values.clone();
			Arrays.sort(sorted);
			int middle = sorted.length / 2;
			return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
		}

	}

	/**
	 * Latencies of one window in microseconds: exact below 1 ms, then in buckets 1 % wide, so a percentile is
	 * within 1 %.
	 */
	private static final class Window {

		private static final int LINEAR = 1000;

		private static final double STEP = Math.log(1.01);

		private final AtomicLongArray buckets = new AtomicLongArray(LINEAR + 1400);

		private final AtomicLong count = new AtomicLong();

		private final AtomicLong max = new AtomicLong();

		void record(long micros) {
			int bucket = (micros < LINEAR) ? (int) micros
					: Math.min(this.buckets.length() - 1,
							LINEAR + (int) (Math.log(micros / (double) LINEAR) / STEP));
			this.buckets.incrementAndGet(bucket);
			this.count.incrementAndGet();
			this.max.accumulateAndGet(micros, Math::max);
		}

		long count() {
			return this.count.get();
		}

		long max() {
			return this.max.get();
		}

		long percentile(double fraction) {
			long total = count();
			if (total == 0) {
				return 0;
			}
			long rank = (long) Math.ceil(fraction * total);
			long cumulative = 0;
			for (int i = 0; i < this.buckets.length(); i++) {
				cumulative += this.buckets.get(i);
				if (cumulative >= rank) {
					return (i < LINEAR) ? i : (long) (LINEAR * Math.exp((i - LINEAR + 1) * STEP));
				}
			}
			return max();
		}

	}

}
