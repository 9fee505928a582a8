package io.myuser.support;

import java.util.Random;

/**
 * A {@link Random} for property-style loops whose seed is printed, so that a failure can be replayed with
 * {@code -Dmyuser.test.seed=<seed>}. Assertion messages should include {@link #toString()}.
 */
public final class SeededRandom extends Random {

	/** System property that fixes the seed of every {@code SeededRandom}. */
	public static final String SEED_PROPERTY = "myuser.test.seed";

	private final long seed;

	private final String name;

	private SeededRandom(String name, long seed) {
		super(seed);
		this.seed = seed;
		this.name = name;
	}

	/**
	 * Create a random for one test, seeded from {@value #SEED_PROPERTY} or else from the time, and print the
	 * seed.
	 * @param name the test's name, printed with the seed
	 * @return the random
	 */
	public static SeededRandom forTest(String name) {
		Long fixed = Long.getLong(SEED_PROPERTY);
		long seed = (fixed != null) ? fixed : System.nanoTime();
		SeededRandom random = new SeededRandom(name, seed);
		System.out.println(random);
		return random;
	}

	public long seed() {
		return this.seed;
	}

	@Override
	public String toString() {
		return this.name + " seed=" + this.seed + " (replay with -D" + SEED_PROPERTY + "=" + this.seed + ")";
	}

}
