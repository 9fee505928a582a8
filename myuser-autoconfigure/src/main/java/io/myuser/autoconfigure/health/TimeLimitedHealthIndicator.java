package io.myuser.autoconfigure.health;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.Assert;

/**
 * A health indicator whose check runs on a thread of its own and is waited for at most a timeout: a slow database
 * or file system makes the part DOWN with a reason, never a slow or failing health endpoint. A check still running
 * when the next health call comes is waited for again rather than started twice, so a hung check costs one thread.
 */
abstract class TimeLimitedHealthIndicator implements HealthIndicator, AutoCloseable {

	private final Duration timeout;

	private final ExecutorService executor;

	private @Nullable Future<Health> running;

	TimeLimitedHealthIndicator(String name, Duration timeout) {
		Assert.notNull(timeout, "timeout cannot be null");
		this.timeout = timeout;
		this.executor = Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "myuser-health-" + name);
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Check the part.
	 * @return its health
	 * @throws Exception when the check itself fails: the part is DOWN with the failure as reason
	 */
	protected abstract Health check() throws Exception;

	@Override
	public Health health() {
		Future<Health> check = current();
		try {
			return check.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return Health.down().withDetail("reason", "no answer within " + this.timeout).build();
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return Health.down().withDetail("reason", "the check failed: " + describe(cause)).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down().withDetail("reason", "interrupted").build();
		}
	}

	private synchronized Future<Health> current() {
		if (this.running == null || this.running.isDone()) {
			this.running = this.executor.submit(this::check);
		}
		return this.running;
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		return failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
