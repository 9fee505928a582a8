package io.myuser.sample.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.myuser.account.NewUser;
import io.myuser.account.UserAccountService;
import io.myuser.sample.SampleApplication;
import io.myuser.support.ClientInfo;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The driver of {@code bench/token-throughput.sh}, not a test: password logins per second ({@code POST token/},
 * MyUser's default Argon2id cost) and refreshes per second ({@code POST token/refresh/}, rotation on: each refresh
 * locks the session and the token, writes the session's activity, inserts the successor and marks the presented
 * token rotated) of one node of the sample application on an embedded PostgreSQL server (a separate process on
 * loopback; {@code synchronous_commit} left on, as in production), over loopback HTTP.
 * <p>
 * Rate limiting is on (the memory store) with its login and refresh limits raised so that nothing is refused: each
 * request spends its budgets as in production. Each client thread logs in as one of 50 accounts and, for
 * refreshes, holds a session of its own and always presents the newest refresh token of it, as a client does; any
 * answer other than 200 stops the run. After a warm-up of each kind, rounds alternate logins and refreshes; the
 * figures are the medians of the rounds.
 * <p>
 * Usage: {@code TokenThroughputBenchmark [rounds] [seconds-per-phase] [threads]} (defaults 3, 10 and twice the
 * number of cores). The client runs in the same JVM, on the same cores: its share of the CPU is not the server's.
 * The last line printed is {@code RESULT key=value ...} for the script.
 */
public final class TokenThroughputBenchmark {

	private static final String SECRET = "base64:WLNoOHio2il1gNTRByT/rni6PBsPYRgx/Ndv+Xk8jOs=";

	private static final String PASSWORD = "a long and unusual passphrase";

	private static final int ACCOUNTS = 50;

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private TokenThroughputBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 3;
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 10;
		int threads = (args.length > 2) ? Integer.parseInt(args[2]) : 2 * Runtime.getRuntime().availableProcessors();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
				ConfigurableApplicationContext app = start(postgres)) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort()
					+ "/api/auth";
			UserAccountService accounts = app.getBean(UserAccountService.class);
			for (int i = 0; i < ACCOUNTS; i++) {
				accounts.createUser(new NewUser(email(i), PASSWORD, "Ada", "Lovelace", true, false), ClientInfo.NONE);
			}
			System.out.printf(Locale.ROOT, "jvm: %s %s, %d cores; %d rounds of %d s per phase, %d client threads%n",
					System.getProperty("java.vm.name"), System.getProperty("java.version"),
					Runtime.getRuntime().availableProcessors(), rounds, seconds, threads);
			drive(base, Math.max(5, seconds / 2), threads, false);
			drive(base, Math.max(5, seconds / 2), threads, true);
			List<Double> logins = new ArrayList<>();
			List<Double> refreshes = new ArrayList<>();
			for (int round = 0; round < rounds; round++) {
				double login = drive(base, seconds, threads, false);
				double refresh = drive(base, seconds, threads, true);
				logins.add(login);
				refreshes.add(refresh);
				System.out.printf(Locale.ROOT, "round %d: %.1f logins/s, %.1f refreshes/s%n", round + 1, login,
						refresh);
			}
			System.out.printf(Locale.ROOT, "RESULT logins_per_second=%.1f refreshes_per_second=%.1f%n", BenchLoad.median(logins),
					BenchLoad.median(refreshes));
		}
	}

	private static ConfigurableApplicationContext start(EmbeddedPostgres postgres) {
		String[] arguments = { "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--server.port=0", "--myuser.token.signing.secret=" + SECRET,
				"--sample.demo-user.enabled=false", "--myuser.mail.enabled=false",
				"--myuser.gdpr.export.location=${java.io.tmpdir}/myuser-token-bench-exports",
				// Every budget is spent and checked, none runs out.
				"--myuser.rate-limit.scopes.login.per-ip=100000000/min",
				"--myuser.rate-limit.scopes.login.per-account=100000000/min",
				"--myuser.rate-limit.scopes.token-refresh.per-ip=100000000/min", "--spring.main.banner-mode=off",
				"--logging.level.io.myuser=WARN", "--logging.level.audit=WARN" };
		return new SpringApplicationBuilder(SampleApplication.class).web(WebApplicationType.SERVLET)
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("benchmarkExcludesTestClasses", new ExcludeTestClasses()))
			.run(arguments);
	}

	private static String email(int i) {
		return "bench-" + i + "@example.com";
	}

	/** Logs in, or refreshes, as fast as the threads can for the given time; returns successes per second. */
	private static double drive(String base, int seconds, int threads, boolean refresh) throws Exception {
		String[] tokens = new String[threads];
		if (refresh) {
			for (int t = 0; t < threads; t++) {
				tokens[t] = field(post(base + "/token/", login(t)), "refresh");
			}
		}
		return BenchLoad.run(seconds, threads, (thread, i) -> {
			if (refresh) {
				tokens[thread] = field(post(base + "/token/refresh/", "{\"refresh\":\"" + tokens[thread] + "\"}"),
						"refresh");
			}
			else {
				post(base + "/token/", login((int) ((thread + i * threads) % ACCOUNTS)));
			}
		});
	}

	private static String login(int account) {
		return "{\"email\":\"" + email(account) + "\",\"password\":\"" + PASSWORD + "\"}";
	}

	private static String post(String uri, String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	/** A string field of a flat JSON object such as {@code {"access":"…","refresh":"…"}}. */
	private static String field(String json, String name) {
		String marker = "\"" + name + "\":\"";
		int start = json.indexOf(marker);
		if (start < 0) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		start += marker.length();
		return json.substring(start, json.indexOf('"', start));
	}

}
