package io.myuser.sample.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.myuser.account.MyUserPasswordEncoders;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The driver of {@code bench/password-hash-cost.sh}, not a test: what one password hash with MyUser's default
 * encoder costs, the work every login, failed login, registration, password change and reset, and deletion request
 * does once. The default encoder writes Argon2id hashes (16 MiB of memory, 2 iterations, parallelism 1), so the
 * figures are those of {@code Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()} behind the delegating
 * encoder, checked with {@code matches} as a login checks them.
 * <p>
 * After warm-up hashes, it measures:
 * <ul>
 * <li>one thread: the time of each check (median, 90th percentile) and the bytes it allocates on the Java heap
 * (from the thread's allocation counter), which is where the Argon2 memory lives;</li>
 * <li>several threads at once (as many as the machine has processors, unless told): checks per second in all
 * and the median time of one check, which shows what a burst of logins costs the machine.</li>
 * </ul>
 * Prints both, and both again on one {@code RESULT} line of {@code key=value} pairs.
 * <p>
 * Usage: {@code PasswordHashBenchmark [checks] [threads]} (defaults 50 and the number of processors).
 */
public final class PasswordHashBenchmark {

	private static final String PASSWORD = "correct horse battery staple";

	private PasswordHashBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int checks = (args.length > 0) ? Integer.parseInt(args[0]) : 50;
		int threads = (args.length > 1) ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
		PasswordEncoder encoder = MyUserPasswordEncoders.createDelegatingPasswordEncoder();
		String hash = encoder.encode(PASSWORD);
		// {argon2}$argon2id$v=19$m=16384,t=2,p=1$<salt>$<hash>: the parameters, not the salt and hash.
		String[] parts = hash.split("\\$");
		System.out.println("hash: " + String.join("$", List.of(parts).subList(0, Math.min(4, parts.length))) + "$...");
		for (int i = 0; i < 20; i++) {
			check(encoder, hash);
		}

		com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		List<Double> single = new ArrayList<>();
		long allocatedBefore = bean.getThreadAllocatedBytes(thread);
		for (int i = 0; i < checks; i++) {
			long start = System.nanoTime();
			check(encoder, hash);
			single.add((System.nanoTime() - start) / 1e6);
		}
		double allocatedMib = (bean.getThreadAllocatedBytes(thread) - allocatedBefore) / (double) checks
				/ (1024 * 1024);
		Collections.sort(single);
		System.out.printf(Locale.ROOT, "one thread:  %d checks, median %.1f ms, p90 %.1f ms, %.1f MiB allocated per check%n",
				checks, percentile(single, 50), percentile(single, 90), allocatedMib);

		List<Double> concurrent = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		List<Future<?>> running = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			running.add(pool.submit(() -> {
				for (int i = 0; i < checks; i++) {
					long begin = System.nanoTime();
					check(encoder, hash);
					concurrent.add((System.nanoTime() - begin) / 1e6);
				}
				return null;
			}));
		}
		for (Future<?> future : running) {
			future.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		List<Double> sorted = new ArrayList<>(concurrent);
		Collections.sort(sorted);
		double perSecond = sorted.size() / seconds;
		System.out.printf(Locale.ROOT, "%d threads:  %d checks, %.1f checks/s in all, median %.1f ms, p90 %.1f ms%n",
				threads, sorted.size(), perSecond, percentile(sorted, 50), percentile(sorted, 90));
		System.out.printf(Locale.ROOT, "RESULT median_ms=%.1f p90_ms=%.1f mib_per_check=%.1f threads=%d"
				+ " checks_per_second=%.1f concurrent_median_ms=%.1f%n", percentile(single, 50),
				percentile(single, 90), allocatedMib, threads, perSecond, percentile(sorted, 50));
	}

	private static void check(PasswordEncoder encoder, String hash) {
		if (!encoder.matches(PASSWORD, hash)) {
			throw new IllegalStateException("The password did not match its own hash");
		}
	}

	private static double percentile(List<Double> sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

}
