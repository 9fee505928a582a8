package io.myuser.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RateLimitTests {

	@Test
	void readsTheOriginalsNotation() {
		assertThat(RateLimit.parse("10/min")).isEqualTo(new RateLimit(10, Duration.ofMinutes(1)));
		assertThat(RateLimit.parse("5/hour")).isEqualTo(new RateLimit(5, Duration.ofHours(1)));
		assertThat(RateLimit.parse("2/day")).isEqualTo(new RateLimit(2, Duration.ofDays(1)));
		assertThat(RateLimit.parse("5/15m")).isEqualTo(new RateLimit(5, Duration.ofMinutes(15)));
		assertThat(RateLimit.parse(" 30 / 10 s ")).isEqualTo(new RateLimit(30, Duration.ofSeconds(10)));
		assertThat(RateLimit.parse("3/2hours")).isEqualTo(new RateLimit(3, Duration.ofHours(2)));
		assertThat(RateLimit.parse("100/H")).isEqualTo(new RateLimit(100, Duration.ofHours(1)));
	}

	@Test
	void refusesWhatIsNoLimit() {
		for (String bad : List.of("10/fortnight", "0/min", "-1/min", "10", "/min", "10/", "10/0m", "ten/min",
				"10/min/5", "1/367d", "", "10/ms", "9999999999/min")) {
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> RateLimit.parse(bad));
		}
	}

	@Test
	void writesWhatItReads() {
		long seed = System.nanoTime();
		System.out.println("RateLimitTests.writesWhatItReads seed " + seed);
		Random random = new Random(seed);
		List<String> units = List.of("s", "min", "hour", "day", "m", "h", "d");
		for (int i = 0; i < 2_000; i++) {
			long capacity = 1 + random.nextInt(100_000);
			long count = 1 + random.nextInt(300);
			String text = capacity + "/" + count + units.get(random.nextInt(units.size()));
			RateLimit limit;
			try {
				limit = RateLimit.parse(text);
			}
			catch (IllegalArgumentException ex) {
				assertThat(ex).as(text).hasMessageContaining("366 days");
				continue;
			}
			assertThat(RateLimit.parse(limit.toString())).as(text).isEqualTo(limit);
		}
	}

}
