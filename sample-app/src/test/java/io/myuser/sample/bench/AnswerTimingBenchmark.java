package io.myuser.sample.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.myuser.account.NewUser;
import io.myuser.account.UserAccountService;
import io.myuser.sample.SampleApplication;
import io.myuser.support.ClientInfo;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The driver of {@code bench/anonymous-answer-timing.sh}, not a test: how long the anonymous account routes take
 * to answer for an address that has an account and for one that has none, so that the time of an answer does not
 * tell whether an address is registered.
 * <p>
 * Starts the sample application (in-memory H2, mail written to the log at WARN, so not at all) on a free port and
 * drives, over loopback HTTP with the JDK client, three pairs of requests:
 * <ul>
 * <li>{@code POST registration/} with an address already taken, and with a new address each time;</li>
 * <li>{@code POST password/reset/} with the address of an active account, and with an unknown address;</li>
 * <li>{@code POST registration/resend-email/} with the address of an unverified account, and with an unknown
 * address.</li>
 * </ul>
 * Each route first gets a number of warm-up pairs (the JIT, the password policy's first probe of the encoder),
 * then the measured pairs, the two requests of a pair one after the other, alternating which goes first so that
 * neither always follows the other. Both answers of every pair must have the same status and body, or the driver
 * stops with status 1. Per route it prints the median, the quartiles and the 10th and 90th percentiles of both,
 * the ratio of the medians (registered / unregistered), and one {@code RESULT} line for the script.
 * <p>
 * Usage: {@code AnswerTimingBenchmark [pairs] [warm-up pairs]} (defaults 200 and 50). With
 * {@code -Dbench.pause-jobs=true} the job engine is paused for the whole run: the mail jobs the requests enqueue
 * then wait, and only the requests' own work is timed (a diagnosis, not the figure that counts).
 */
public final class AnswerTimingBenchmark {

	private static final String PASSWORD = "a long and unusual passphrase";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String base;

	private AnswerTimingBenchmark(int port) {
		this.base = "http://127.0.0.1:" + port + "/api/auth";
	}

	public static void main(String[] args) throws Exception {
		int pairs = (args.length > 0) ? Integer.parseInt(args[0]) : 200;
		int warmUp = (args.length > 1) ? Integer.parseInt(args[1]) : 50;
		try (ConfigurableApplicationContext app = start()) {
			int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
			UserAccountService accounts = app.getBean(UserAccountService.class);
			String taken = newAddress("taken");
			accounts.createUser(new NewUser(taken, PASSWORD, "Ada", "Lovelace", true, false), ClientInfo.NONE);
			String unverified = newAddress("unverified");
			accounts.createUser(new NewUser(unverified, PASSWORD, "Ada", "Lovelace", false, false), ClientInfo.NONE);
			boolean pauseJobs = Boolean.getBoolean("bench.pause-jobs");
			if (pauseJobs) {
				// Diagnosis: nothing runs beside the requests, so only the requests' own work is timed.
				app.getBean("myUserScheduler", Scheduler.class).pause();
			}
			AnswerTimingBenchmark bench = new AnswerTimingBenchmark(port);
			System.out.printf(Locale.ROOT,
					"jvm: %s %s, %d cores; %d measured pairs per route after %d warm-up pairs; job engine %s%n",
					System.getProperty("java.vm.name"), System.getProperty("java.version"),
					Runtime.getRuntime().availableProcessors(), pairs, warmUp, pauseJobs ? "paused" : "running");
			bench.compare("registration", pairs, warmUp, () -> bench.register(taken),
					() -> bench.register(newAddress("new")));
			bench.compare("password-reset", pairs, warmUp, () -> bench.post("/password/reset/", taken),
					() -> bench.post("/password/reset/", newAddress("unknown")));
			bench.compare("resend-email", pairs, warmUp, () -> bench.post("/registration/resend-email/", unverified),
					() -> bench.post("/registration/resend-email/", newAddress("unknown")));
		}
	}

	private static ConfigurableApplicationContext start() {
		// Arguments, not default properties: they must win over the sample's application.properties.
		String[] arguments = { "--server.port=0",
				"--myuser.token.signing.secret=base64:WLNoOHio2il1gNTRByT/rni6PBsPYRgx/Ndv+Xk8jOs=",
				"--sample.demo-user.enabled=false", "--myuser.mail.log-delivery=true",
				// Timing of the answers themselves: thousands of calls from one client, far past any rate limit.
				"--myuser.rate-limit.enabled=false",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.io.myuser=WARN",
				"--logging.level.audit=WARN" };
		return new SpringApplicationBuilder(SampleApplication.class).web(WebApplicationType.SERVLET)
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("benchmarkExcludesTestClasses", new ExcludeTestClasses()))
			.run(arguments);
	}

	private static String newAddress(String kind) {
		return "bench-" + kind + "-" + SEQUENCE.incrementAndGet() + "@example.com";
	}

	private void compare(String route, int pairs, int warmUp, Supplier<Answer> registered,
			Supplier<Answer> unregistered) {
		List<Long> known = new ArrayList<>();
		List<Long> unknown = new ArrayList<>();
		Answer expected = null;
		for (int i = 0; i < warmUp + pairs; i++) {
			Answer first;
			Answer second;
			if (i % 2 == 0) {
				first = registered.get();
				second = unregistered.get();
			}
			else {
				second = unregistered.get();
				first = registered.get();
			}
			if (expected == null) {
				expected = first;
			}
			for (Answer answer : List.of(first, second)) {
				if (answer.status() != expected.status() || !answer.body().equals(expected.body())) {
					System.out.printf(Locale.ROOT, "FAILED: %s: answers differ: %d %s and %d %s%n", route,
							expected.status(), expected.body(), answer.status(), answer.body());
					System.exit(1);
				}
			}
			if (i >= warmUp) {
				known.add(first.nanos());
				unknown.add(second.nanos());
			}
		}
		Collections.sort(known);
		Collections.sort(unknown);
		double ratio = (double) percentile(known, 50) / percentile(unknown, 50);
		System.out.printf(Locale.ROOT, "%s (%d %s): registered   ms p10 %s  p25 %s  median %s  p75 %s  p90 %s%n", route,
				expected.status(), expected.body(), ms(known, 10), ms(known, 25), ms(known, 50), ms(known, 75),
				ms(known, 90));
		System.out.printf(Locale.ROOT, "%s: unregistered ms p10 %s  p25 %s  median %s  p75 %s  p90 %s%n", route,
				ms(unknown, 10), ms(unknown, 25), ms(unknown, 50), ms(unknown, 75), ms(unknown, 90));
		System.out.printf(Locale.ROOT,
				"RESULT route=%s pairs=%d registered_median_ms=%s unregistered_median_ms=%s registered_p25_ms=%s "
						+ "registered_p75_ms=%s unregistered_p25_ms=%s unregistered_p75_ms=%s ratio=%.3f%n",
				route, pairs, ms(known, 50), ms(unknown, 50), ms(known, 25), ms(known, 75), ms(unknown, 25),
				ms(unknown, 75), ratio);
	}

	private static long percentile(List<Long> sorted, int percent) {
		int index = (int) Math.round((sorted.size() - 1) * percent / 100.0);
		return sorted.get(index);
	}

	private static String ms(List<Long> sorted, int percent) {
		return String.format(Locale.ROOT, "%.3f", percentile(sorted, percent) / 1e6);
	}

	private Answer register(String email) {
		return send("/registration/", Map.of("email", email, "password1", PASSWORD, "password2", PASSWORD,
				"first_name", "Grace", "last_name", "Hopper"));
	}

	private Answer post(String path, String email) {
		return send(path, Map.of("email", email));
	}

	private Answer send(String path, Map<String, String> body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
		try {
			long start = System.nanoTime();
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			long nanos = System.nanoTime() - start;
			return new Answer(response.statusCode(), response.body(), nanos);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Answer(int status, String body, long nanos) {
	}

}
