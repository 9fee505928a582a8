package io.myuser.metrics;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * The gauge of live sessions ({@value MeterNames#SESSIONS_ACTIVE}). A scrape reads a cached number and never
 * queries the database: the count is taken in the background every {@code interval} (the first at start). Until
 * the first count succeeds the gauge reads {@code NaN}; a failed count keeps the last value and is logged.
 */
public class ActiveSessionsGauge implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ActiveSessionsGauge.class);

	private final LongSupplier counter;

	private final Duration interval;

	private final AtomicLong count = new AtomicLong(-1);

	private volatile @Nullable ScheduledExecutorService executor;

	/**
	 * Create the gauge and register it.
	 * @param registry where it is registered
	 * @param counter counts the live sessions (a database query)
	 * @param interval how often it counts
	 */
	public ActiveSessionsGauge(MeterRegistry registry, LongSupplier counter, Duration interval) {
		Assert.notNull(registry, "registry cannot be null");
		Assert.notNull(counter, "counter cannot be null");
		Assert.isTrue(interval != null && !interval.isNegative() && !interval.isZero(), "interval must be positive");
		this.counter = counter;
		this.interval = interval;
		Gauge.builder(MeterNames.SESSIONS_ACTIVE, this, ActiveSessionsGauge::value)
			.description("Live sessions of all users (counted in the background; the same on every node)")
			.register(registry);
	}

	private double value() {
		long value = this.count.get();
		return (value < 0) ? Double.NaN : value;
	}

	/**
	 * Count the live sessions now, in the caller's thread.
	 * @return the count
	 */
	public long refresh() {
		long value = this.counter.getAsLong();
		this.count.set(value);
		return value;
	}

	private void refreshQuietly() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not count live sessions for {}; will retry in {}", MeterNames.SESSIONS_ACTIVE,
					this.interval, ex);
		}
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "myuser-session-count");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		started.scheduleWithFixedDelay(this::refreshQuietly, 0, Math.max(millis, 1), TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService running = this.executor;
		if (running != null) {
			running.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
