package io.myuser.sample.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load for the benchmark drivers: a number of threads each run one step after another for a given
 * time, and the steps done per second are counted.
 */
final class BenchLoad {

	private BenchLoad() {
	}

	/** One step of a thread's loop. */
	interface Step {

		/**
		 * Runs one step.
		 * @param thread the thread's index, from 0
		 * @param i how many steps this thread ran before
		 * @throws Exception if the step fails, which ends the run
		 */
		void run(int thread, long i) throws Exception;

	}

	/**
	 * Runs the step on every thread for the given time.
	 * @param seconds how long
	 * @param threads how many threads
	 * @param step what each thread repeats
	 * @return steps completed per second
	 * @throws Exception if a step failed
	 */
	static double run(int seconds, int threads, Step step) throws Exception {
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong done = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> workers = new ArrayList<>();
			long start = System.nanoTime();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				workers.add(pool.submit(() -> {
					long i = 0;
					while (running.get()) {
						step.run(thread, i++);
						done.incrementAndGet();
					}
					return null;
				}));
			}
			Thread.sleep(seconds * 1000L);
			running.set(false);
			for (Future<?> worker : workers) {
				worker.get();
			}
			return done.get() / ((System.nanoTime() - start) / 1e9);
		}
		finally {
			running.set(false);
			pool.shutdown();
		}
	}

	/**
	 * The median of some figures.
	 * @param values the figures, at least one
	 * @return their median
	 */
	static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

}
