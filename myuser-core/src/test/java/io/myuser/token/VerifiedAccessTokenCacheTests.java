package io.myuser.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.myuser.support.SeededRandom;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VerifiedAccessTokenCache}: bounded without emptying itself, and no entry outlives its token's
 * {@code exp} plus the clock skew on the application's clock.
 */
class VerifiedAccessTokenCacheTests {

	private static final Duration SKEW = Duration.ofSeconds(30);

	private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

	private final SettableClock clock = new SettableClock(START);

	@Test
	void putWhenFullThenEvictsOneByOneAndKeepsEveryHeldTokenWithItsOwnClaims() {
		SeededRandom random = SeededRandom.forTest("putWhenFullThenEvictsOneByOne");
		int bound = 100;
		VerifiedAccessTokenCache cache = new VerifiedAccessTokenCache(bound, SKEW, this.clock);
		List<String> tokens = new ArrayList<>();
		List<TokenClaims> claims = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			tokens.add("token-" + i + "-" + random.nextLong());
			claims.add(claims(START.plus(Duration.ofMinutes(15))));
			cache.put(tokens.get(i), claims.get(i));
			// Past the bound the cache stays full: it never starts over.
			assertThat(cache.size()).as(random.toString()).isEqualTo(Math.min(i + 1, bound));
			int probe = random.nextInt(i + 1);
			TokenClaims held = cache.get(tokens.get(probe));
			assertThat(held).as(random.toString()).isIn(null, claims.get(probe));
		}
		int held = 0;
		for (int i = 0; i < tokens.size(); i++) {
			TokenClaims found = cache.get(tokens.get(i));
			assertThat(found).as(random.toString()).isIn(null, claims.get(i));
			held += (found != null) ? 1 : 0;
		}
		assertThat(held).as(random.toString()).isEqualTo(bound);
	}

	@Test
	void getWhenTheClockReachesExpPlusSkewThenTheEntryIsGone() {
		VerifiedAccessTokenCache cache = new VerifiedAccessTokenCache(10, SKEW, this.clock);
		Instant exp = START.plus(Duration.ofMinutes(15));
		TokenClaims read = claims(exp);
		TokenClaims unread = claims(exp);
		cache.put("read", read);
		cache.put("unread", unread);

		this.clock.set(exp.plus(SKEW).minusMillis(1));
		assertThat(cache.get("read")).isSameAs(read);
		assertThat(cache.get("unread")).isSameAs(unread);

		this.clock.set(exp.plus(SKEW));
		assertThat(cache.get("read")).isNull();
		// Caffeine's timer wheel drops expired entries in steps of about a second (2^30 ns), so the entry nobody
		// reads again is gone from the cache itself once the clock is past that step, not at the very nanosecond.
		this.clock.set(exp.plus(SKEW).plusSeconds(2));
		assertThat(cache.size()).as("the entry never read again is dropped by the cache itself").isZero();
		assertThat(cache.get("unread")).isNull();
	}

	@Test
	void putWhenTheTokenIsNoLongerAcceptedThenNothingIsHeld() {
		VerifiedAccessTokenCache cache = new VerifiedAccessTokenCache(10, SKEW, this.clock);

		cache.put("expired", claims(START.minus(SKEW)));

		assertThat(cache.get("expired")).isNull();
		assertThat(cache.size()).isZero();
	}

	@Test
	void getWhenTheSizeIsZeroThenNothingIsHeld() {
		VerifiedAccessTokenCache cache = new VerifiedAccessTokenCache(0, SKEW, this.clock);

		cache.put("token", claims(START.plus(Duration.ofMinutes(15))));

		assertThat(cache.get("token")).isNull();
		assertThat(cache.size()).isZero();
	}

	@Test
	void getNeverReturnsATokenPastItsExpPlusSkewWhateverTheOrderOfPutsAndClockMoves() {
		SeededRandom random = SeededRandom.forTest("getNeverReturnsATokenPastItsExpPlusSkew");
		VerifiedAccessTokenCache cache = new VerifiedAccessTokenCache(50, SKEW, this.clock);
		List<String> tokens = new ArrayList<>();
		List<TokenClaims> claims = new ArrayList<>();
		for (int step = 0; step < 5000; step++) {
			Instant now = this.clock.instant();
			switch (random.nextInt(3)) {
				case 0 -> {
					tokens.add("token-" + step);
					claims.add(claims(now.plusSeconds(random.nextInt(900) - 60)));
					cache.put(tokens.get(tokens.size() - 1), claims.get(claims.size() - 1));
				}
				case 1 -> this.clock.set(now.plusMillis(random.nextInt(20_000)));
				default -> {
					if (!tokens.isEmpty()) {
						int probe = random.nextInt(tokens.size());
						TokenClaims found = cache.get(tokens.get(probe));
						assertThat(found).as(random.toString()).isIn(null, claims.get(probe));
						if (found != null) {
							assertThat(found.expiresAt().plus(SKEW)).as(random.toString()).isAfter(now);
						}
					}
				}
			}
			assertThat(cache.size()).as(random.toString()).isLessThanOrEqualTo(50);
		}
	}

	private static TokenClaims claims(Instant expiresAt) {
		return new TokenClaims(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID().toString(), TokenType.ACCESS,
				expiresAt.minus(Duration.ofMinutes(15)), expiresAt);
	}

	/** A clock a test sets. */
	private static final class SettableClock extends Clock {

		private volatile Instant now;

		SettableClock(Instant now) {
			this.now = now;
		}

		void set(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	}

}
