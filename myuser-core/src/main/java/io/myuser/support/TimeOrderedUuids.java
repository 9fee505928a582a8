package io.myuser.support;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

import org.springframework.util.Assert;

/**
 * Generates RFC 9562 version 7 UUIDs: a 48-bit Unix millisecond timestamp followed by random bits, so that ids
 * created one after another sort one after another and B-tree indexes stay compact. Within one millisecond a
 * counter in the {@code rand_a} field keeps ids of this generator strictly increasing.
 */
public final class TimeOrderedUuids {

	private static final TimeOrderedUuids SYSTEM = new TimeOrderedUuids(Clock.systemUTC());

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private long lastMillis = -1;

	private int sequence;

	public TimeOrderedUuids(Clock clock) {
		Assert.notNull(clock, "clock cannot be null");
		this.clock = clock;
	}

	/**
	 * Return a new id from the shared generator on the system clock.
	 * @return a version 7 UUID
	 */
	public static UUID next() {
		return SYSTEM.generate();
	}

	/**
	 * Return a new id.
	 * @return a version 7 UUID, greater than every id this generator returned before
	 */
	public synchronized UUID generate() {
		long millis = this.clock.millis();
		if (millis > this.lastMillis) {
			this.lastMillis = millis;
			this.sequence = this.random.nextInt(1 << 11);
		}
		else {
			this.sequence++;
			if (this.sequence >= (1 << 12)) {
				// 4096 ids in one millisecond: borrow the next millisecond rather than repeat.
				this.lastMillis++;
				this.sequence = 0;
			}
		}
		long msb = (this.lastMillis & 0xFFFF_FFFF_FFFFL) << 16;
		msb |= 0x7000L; // version 7
		msb |= this.sequence & 0x0FFFL;
		long lsb = this.random.nextLong();
		lsb = (lsb & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
		return new UUID(msb, lsb);
	}

}
