package io.myuser.sample.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that follows the system clock until a test pins or shifts it. Registered as the application's
 * {@link Clock} bean in integration tests, so MyUser's time-dependent behaviour can be driven without waiting.
 */
public final class MutableClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	private final AtomicReference<Instant> fixed = new AtomicReference<>();

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

	@Override
	public Instant instant() {
		Instant pinned = this.fixed.get();
		return (pinned != null) ? pinned : Instant.now().plus(this.offset.get());
	}

	/** Stop the clock at an instant. */
	public void pin(Instant instant) {
		this.fixed.set(instant);
	}

	/** Move the clock by an amount, pinned or not. */
	public void advance(Duration amount) {
		Instant pinned = this.fixed.get();
		if (pinned != null) {
			this.fixed.set(pinned.plus(amount));
		}
		else {
			this.offset.updateAndGet((current) -> current.plus(amount));
		}
	}

	/** Follow the system clock again. */
	public void reset() {
		this.fixed.set(null);
		this.offset.set(Duration.ZERO);
	}

}
