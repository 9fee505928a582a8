package io.myuser.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TimeOrderedUuids}.
 */
class TimeOrderedUuidsTests {

	private static final Instant NOW = Instant.parse("2025-03-14T15:09:26.535Z");

	private static final int MANY = 100_000;

	@Test
	void constructorWhenClockNullThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TimeOrderedUuids(null))
			.withMessage("clock cannot be null");
	}

	@Test
	void generateThenVersion7AndIetfVariant() {
		TimeOrderedUuids uuids = new TimeOrderedUuids(Clock.fixed(NOW, ZoneOffset.UTC));
		for (int i = 0; i < 10_000; i++) {
			UUID id = uuids.generate();
			assertThat(id.version()).as("version of %s", id).isEqualTo(7);
			assertThat(id.variant()).as("variant of %s", id).isEqualTo(2);
			// The same bits read straight from the string form (RFC 9562 section 5.7).
			String text = id.toString();
			assertThat(text.charAt(14)).as("version nibble of %s", id).isEqualTo('7');
			assertThat(text.charAt(19)).as("variant nibble of %s", id).isIn('8', '9', 'a', 'b');
		}
	}

	@Test
	void nextThenVersion7FromSystemClock() {
		long before = System.currentTimeMillis();
		UUID id = TimeOrderedUuids.next();
		long after = System.currentTimeMillis();
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		// Allow for ids borrowed from a following millisecond when other tests just used the shared generator.
		assertThat(timestamp(id)).isBetween(before, after + 100);
	}

	@Test
	void generateWhenClockFixedThenStrictlyIncreasing() {
		TimeOrderedUuids uuids = new TimeOrderedUuids(Clock.fixed(NOW, ZoneOffset.UTC));
		assertStrictlyIncreasing(generate(uuids, MANY));
	}

	@Test
	void generateWhenClockMovesThenStrictlyIncreasingAndTimestampIsClockMillis() {
		SeededRandom random = SeededRandom.forTest("generateWhenClockMovesThenStrictlyIncreasingAndTimestampIsClockMillis");
		MutableClock clock = new MutableClock(NOW.toEpochMilli());
		TimeOrderedUuids uuids = new TimeOrderedUuids(clock);
		List<UUID> ids = new ArrayList<>(MANY);
		int inThisMillisecond = 0;
		for (int i = 0; i < MANY; i++) {
			// Sometimes stay in the same millisecond, sometimes jump ahead by up to a second.
			int step = random.nextInt(4);
			if (step > 0 || inThisMillisecond == 2000) {
				clock.advance(1 + random.nextInt(step == 3 ? 1000 : 2));
				inThisMillisecond = 0;
			}
			inThisMillisecond++;
			UUID id = uuids.generate();
			// Fewer than 2048 ids per millisecond never exhaust the counter, so no millisecond is borrowed.
			assertThat(timestamp(id)).as("timestamp of id %d, %s", i, random).isEqualTo(clock.millis());
			ids.add(id);
		}
		assertStrictlyIncreasing(ids, random.toString());
	}

	@Test
	void generateWhenClockGoesBackThenStillStrictlyIncreasing() {
		MutableClock clock = new MutableClock(NOW.toEpochMilli());
		TimeOrderedUuids uuids = new TimeOrderedUuids(clock);
		UUID first = uuids.generate();
		clock.advance(-60_000);
		UUID second = uuids.generate();
		UUID third = uuids.generate();
		assertStrictlyIncreasing(List.of(first, second, third));
		assertThat(timestamp(second)).isEqualTo(NOW.toEpochMilli());
	}

	@Test
	void generateWhenMoreThan4096IdsInOneMillisecondThenUniqueIncreasingAndTimestampBarelyAhead() {
		TimeOrderedUuids uuids = new TimeOrderedUuids(Clock.fixed(NOW, ZoneOffset.UTC));
		List<UUID> ids = generate(uuids, 3 * 4096 + 1);
		assertStrictlyIncreasing(ids);
		assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
		long millis = NOW.toEpochMilli();
		assertThat(timestamp(ids.get(0))).isEqualTo(millis);
		// A random start below 2048 and a 12-bit counter: at least 2048 ids fit in each borrowed millisecond.
		long last = timestamp(ids.get(ids.size() - 1));
		assertThat(last).isGreaterThan(millis).isLessThanOrEqualTo(millis + 3);
		for (UUID id : ids) {
			assertThat(id.version()).isEqualTo(7);
			assertThat(id.variant()).isEqualTo(2);
		}
	}

	@Test
	void generateWhenCalledFromManyThreadsThenNoDuplicates() throws Exception {
		TimeOrderedUuids uuids = new TimeOrderedUuids(Clock.systemUTC());
		int threads = 8;
		int perThread = 20_000;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<List<UUID>>> results = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				Callable<List<UUID>> task = () -> {
					start.await();
					return generate(uuids, perThread);
				};
				results.add(executor.submit(task));
			}
			start.countDown();
			Set<UUID> all = new HashSet<>();
			for (Future<List<UUID>> result : results) {
				List<UUID> ids = result.get(30, TimeUnit.SECONDS);
				// Each thread sees the generator's total order.
				assertStrictlyIncreasing(ids);
				all.addAll(ids);
			}
			assertThat(all).hasSize(threads * perThread);
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static List<UUID> generate(TimeOrderedUuids uuids, int count) {
		List<UUID> ids = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			ids.add(uuids.generate());
		}
		return ids;
	}

	private static void assertStrictlyIncreasing(List<UUID> ids) {
		assertStrictlyIncreasing(ids, "");
	}

	private static void assertStrictlyIncreasing(List<UUID> ids, String context) {
		for (int i = 1; i < ids.size(); i++) {
			UUID previous = ids.get(i - 1);
			UUID current = ids.get(i);
			assertThat(compareUnsigned(previous, current)).as("unsigned order of id %d: %s then %s %s", i, previous,
					current, context)
				.isNegative();
			assertThat(previous.toString().compareTo(current.toString()))
				.as("string order of id %d: %s then %s %s", i, previous, current, context)
				.isNegative();
		}
	}

	private static int compareUnsigned(UUID left, UUID right) {
		int msb = Long.compareUnsigned(left.getMostSignificantBits(), right.getMostSignificantBits());
		return (msb != 0) ? msb : Long.compareUnsigned(left.getLeastSignificantBits(), right.getLeastSignificantBits());
	}

	private static long timestamp(UUID id) {
		return id.getMostSignificantBits() >>> 16;
	}

	private static final class MutableClock extends Clock {

		private volatile long millis;

		MutableClock(long millis) {
			this.millis = millis;
		}

		void advance(long delta) {
			this.millis += delta;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long millis() {
			return this.millis;
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(this.millis);
		}

	}

}
