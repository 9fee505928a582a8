package io.myuser.sample.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.myuser.account.NewUser;
import io.myuser.account.UserAccountService;
import io.myuser.sample.SampleApplication;
import io.myuser.support.ClientInfo;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The driver of {@code bench/login-hash-ceiling.sh}, not a test: password-login throughput of the sample
 * application against the ceiling its configured password hasher sets, in one JVM. The ceiling is the application's
 * own {@link PasswordEncoder} bean checking a hash stored by a registration ({@code matches}, the one hash a login
 * computes) on {@code threads} threads at once, with nothing else; the logins are {@code POST token/} over loopback
 * from {@code threads} clients (each a {@link BenchHttpConnection}: one keep-alive connection, written and read by
 * the client's own thread), each with the right password of one of 50 accounts (rate limiting on, limits raised
 * so that none is refused). The two alternate round after round, which one goes first alternating too; each round
 * gives one ratio. Prints each round, the medians and the {@code RESULT} line: the median of the per-round ratios
 * logins/hashes (target at least 0.9).
 * <p>
 * Usage: {@code LoginHashCeilingBenchmark [rounds] [seconds-per-round] [threads]} (defaults 9, 8 and the number of
 * cores); {@code -Dbench.warmup=SECONDS} sets how long logins warm the application up first (default 180).
 */
public final class LoginHashCeilingBenchmark {

	private static final String PASSWORD = "a long and unusual passphrase";

	private static final int ACCOUNTS = 50;

	/** Each client thread's keep-alive connection (the pools' threads live for one round). */
	private static final ThreadLocal<BenchHttpConnection> CONNECTIONS = new ThreadLocal<>();

	/** Every connection opened in a round of logins, closed when it ends. */
	private static final List<BenchHttpConnection> OPENED = new CopyOnWriteArrayList<>();

	private LoginHashCeilingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 9;
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 8;
		int threads = (args.length > 2) ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
		int warmup = Integer.getInteger("bench.warmup", 180);
		try (ConfigurableApplicationContext app = start()) {
			int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
			UserAccountService accounts = app.getBean(UserAccountService.class);
			for (int i = 0; i < ACCOUNTS; i++) {
				accounts.createUser(new NewUser(email(i), PASSWORD, "Ada", "Lovelace", true, false), ClientInfo.NONE);
			}
			PasswordEncoder encoder = app.getBean(PasswordEncoder.class);
			String hash = app.getBean(JdbcTemplate.class)
				.queryForObject("select password_hash from myuser_user where email = ?", String.class, email(0));
			System.out.printf(Locale.ROOT, "jvm: %s %s, %d cores; %d rounds of %d s per side, %d threads; encoder %s%n",
					System.getProperty("java.vm.name"), System.getProperty("java.version"),
					Runtime.getRuntime().availableProcessors(), rounds, seconds, threads,
					encoder.getClass().getSimpleName());
			// Warm-up: the JIT, the encoder, the connection pool. The login path is long (Tomcat, Spring Security,
			// Hibernate, the HTTP client): a young application still spends a good part of the machine on C2
			// compilation, which would be charged to the login rounds.
			logins(port, warmup, threads);
			hashes(encoder, hash, seconds, threads);
			List<Double> loginRates = new ArrayList<>();
			List<Double> hashRates = new ArrayList<>();
			List<Double> ratios = new ArrayList<>();
			for (int round = 0; round < rounds; round++) {
				double login;
				double raw;
				if (round % 2 == 0) {
					login = logins(port, seconds, threads);
					raw = hashes(encoder, hash, seconds, threads);
				}
				else {
					raw = hashes(encoder, hash, seconds, threads);
					login = logins(port, seconds, threads);
				}
				loginRates.add(login);
				hashRates.add(raw);
				ratios.add(login / raw);
				System.out.printf(Locale.ROOT, "round %d: logins %.1f/s, raw hashes %.1f/s, ratio %.3f%n", round + 1,
						login, raw, login / raw);
			}
			System.out.printf(Locale.ROOT, "median: logins %.1f/s, raw hashes %.1f/s%n", BenchLoad.median(loginRates),
					BenchLoad.median(hashRates));
			System.out.printf(Locale.ROOT,
					"RESULT login throughput / hasher ceiling (median of per-round ratios) %.3f (target >= 0.9)%n",
					BenchLoad.median(ratios));
		}
	}

	private static ConfigurableApplicationContext start() {
		String[] arguments = { "--server.port=0",
				"--myuser.token.signing.secret=base64:WLNoOHio2il1gNTRByT/rni6PBsPYRgx/Ndv+Xk8jOs=",
				"--sample.demo-user.enabled=false", "--myuser.mail.log-delivery=true", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--logging.level.io.myuser=WARN", "--logging.level.audit=WARN",
				// Every budget is spent and checked, none runs out.
				"--myuser.rate-limit.scopes.login.per-ip=100000000/min",
				"--myuser.rate-limit.scopes.login.per-account=100000000/min" };
		return new SpringApplicationBuilder(SampleApplication.class).web(WebApplicationType.SERVLET)
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("benchmarkExcludesTestClasses", new ExcludeTestClasses()))
			.run(arguments);
	}

	private static String email(int i) {
		return "bench-" + i + "@example.com";
	}

	/** Logs in as fast as the threads can for the given time; returns successful logins per second. */
	private static double logins(int port, int seconds, int threads) throws Exception {
		AtomicLong failures = new AtomicLong();
		double rate;
		try {
			rate = BenchLoad.run(seconds, threads, (thread, i) -> {
				if (login(port, email((int) ((thread + i * threads) % ACCOUNTS))) != 200) {
					failures.incrementAndGet();
				}
			});
		}
		finally {
			for (BenchHttpConnection connection : OPENED) {
				connection.close();
			}
			OPENED.clear();
		}
		if (failures.get() > 0) {
			throw new IllegalStateException(failures.get() + " logins did not answer 200: nothing may be refused");
		}
		return rate;
	}

	/** Checks the password against its stored hash as fast as the threads can; returns checks per second. */
	private static double hashes(PasswordEncoder encoder, String hash, int seconds, int threads) throws Exception {
		return BenchLoad.run(seconds, threads, (thread, i) -> {
			if (!encoder.matches(PASSWORD, hash)) {
				throw new IllegalStateException("The password did not match its own hash");
			}
		});
	}

	/** Logs in on the thread's own keep-alive connection; returns the status, or -1 when the exchange failed. */
	private static int login(int port, String email) {
		try {
			return connection(port).exchange(BenchHttpConnection.request("POST", "/api/auth/token/",
					"application/json", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"));
		}
		catch (IOException ex) {
			CONNECTIONS.remove();
			return -1;
		}
	}

	private static BenchHttpConnection connection(int port) throws IOException {
		BenchHttpConnection connection = CONNECTIONS.get();
		if (connection == null) {
			connection = new BenchHttpConnection(port);
			CONNECTIONS.set(connection);
			OPENED.add(connection);
		}
		return connection;
	}

}
