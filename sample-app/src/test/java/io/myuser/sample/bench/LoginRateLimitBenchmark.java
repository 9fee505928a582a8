package io.myuser.sample.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.myuser.account.NewUser;
import io.myuser.account.UserAccountService;
import io.myuser.sample.SampleApplication;
import io.myuser.support.ClientInfo;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The driver of {@code bench/login-rate-limit-overhead.sh}, not a test: password-login throughput of the sample
 * application with rate limiting on (the default memory store, every budget and the brute-force check spent on
 * every login, limits raised so that none is refused) and off, in one JVM. The two applications run side by side
 * but are driven in turn, round after round, alternating which goes first; each round logs in as fast as
 * {@code threads} clients can for {@code seconds}, every login with the right password of one of 50 accounts. It
 * prints each round, the median logins per second of each side, and the {@code RESULT} line: the ratio on/off
 * (target at least 0.98).
 * <p>
 * Usage: {@code LoginRateLimitBenchmark [rounds] [seconds-per-round] [threads]} (defaults 12, 10 and the number of
 * cores). The first rounds still warm the side with more code up (the JIT compiles the rate-limit path later), so
 * fewer than about ten rounds understate it. With {@code -Dbench.control=true} both sides run without rate limiting: the ratio of that A/A run is the
 * bench's own bias.
 */
public final class LoginRateLimitBenchmark {

	private static final String PASSWORD = "a long and unusual passphrase";

	private static final int ACCOUNTS = 50;

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private LoginRateLimitBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 12;
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 10;
		int threads = (args.length > 2) ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
		// -Dbench.control=true: both sides without rate limiting, to see the bench's own bias (an A/A run).
		boolean control = Boolean.getBoolean("bench.control");
		try (ConfigurableApplicationContext limited = start(!control, "a");
				ConfigurableApplicationContext unlimited = start(false, "b")) {
			String limitedBase = base(limited);
			String unlimitedBase = base(unlimited);
			createAccounts(limited);
			createAccounts(unlimited);
			System.out.printf(Locale.ROOT, "jvm: %s %s, %d cores; %d rounds of %d s per side, %d client threads%n",
					System.getProperty("java.vm.name"), System.getProperty("java.version"),
					Runtime.getRuntime().availableProcessors(), rounds, seconds, threads);
			// Warm-up, as long as a round: the JIT, both password encoders, both connection pools.
			drive(limitedBase, seconds, threads);
			drive(unlimitedBase, seconds, threads);
			List<Double> on = new ArrayList<>();
			List<Double> off = new ArrayList<>();
			for (int round = 0; round < rounds; round++) {
				boolean limitedFirst = round % 2 == 0;
				double first = drive(limitedFirst ? limitedBase : unlimitedBase, seconds, threads);
				double second = drive(limitedFirst ? unlimitedBase : limitedBase, seconds, threads);
				double withLimits = limitedFirst ? first : second;
				double withoutLimits = limitedFirst ? second : first;
				on.add(withLimits);
				off.add(withoutLimits);
				System.out.printf(Locale.ROOT, "round %d: rate limiting on %.1f logins/s, off %.1f logins/s, ratio %.3f%n",
						round + 1, withLimits, withoutLimits, withLimits / withoutLimits);
			}
			double medianOn = median(on);
			double medianOff = median(off);
			System.out.printf(Locale.ROOT, "median: on %.1f logins/s, off %.1f logins/s%n", medianOn, medianOff);
			System.out.printf(Locale.ROOT, "RESULT login throughput with/without rate limiting %.3f (target >= 0.98)%n",
					medianOn / medianOff);
		}
	}

	private static ConfigurableApplicationContext start(boolean rateLimited, String name) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--myuser.token.signing.secret=base64:WLNoOHio2il1gNTRByT/rni6PBsPYRgx/Ndv+Xk8jOs=",
				"--spring.datasource.url=jdbc:h2:mem:login-bench-" + name + ";DB_CLOSE_DELAY=-1",
				"--sample.demo-user.enabled=false", "--myuser.mail.log-delivery=true", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--logging.level.io.myuser=WARN", "--logging.level.audit=WARN",
				"--myuser.rate-limit.enabled=" + rateLimited));
		if (rateLimited) {
			// Every budget is spent and checked, none runs out.
			arguments.addAll(List.of("--myuser.rate-limit.scopes.login.per-ip=100000000/min",
					"--myuser.rate-limit.scopes.login.per-account=100000000/min"));
		}
		return new SpringApplicationBuilder(SampleApplication.class).run(arguments.toArray(String[]::new));
	}

	private static String base(ConfigurableApplicationContext app) {
		return "http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.server.port") + "/api/auth";
	}

	private static void createAccounts(ConfigurableApplicationContext app) {
		UserAccountService accounts = app.getBean(UserAccountService.class);
		for (int i = 0; i < ACCOUNTS; i++) {
			accounts.createUser(new NewUser(email(i), PASSWORD, "Ada", "Lovelace", true, false), ClientInfo.NONE);
		}
	}

	private static String email(int i) {
		return "bench-" + i + "@example.com";
	}

	/** Logs in as fast as the threads can for the given time; returns successful logins per second. */
	private static double drive(String base, int seconds, int threads) throws Exception {
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong logins = new AtomicLong();
		AtomicLong failures = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> clients = new ArrayList<>();
		long start = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			int offset = t;
			clients.add(pool.submit(() -> {
				int i = offset;
				while (running.get()) {
					int status = login(base, email(i % ACCOUNTS));
					(status == 200 ? logins : failures).incrementAndGet();
					i += threads;
				}
				return null;
			}));
		}
		Thread.sleep(seconds * 1000L);
		running.set(false);
		for (Future<?> client : clients) {
			client.get();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		if (failures.get() > 0) {
			throw new IllegalStateException(failures.get() + " logins did not answer 200: nothing may be refused");
		}
		return logins.get() / elapsed;
	}

	private static int login(String base, String email) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/token/"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))
			.build();
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

}
