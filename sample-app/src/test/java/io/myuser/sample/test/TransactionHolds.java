package io.myuser.sample.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds a transaction of one account open at a named point until the test releases it, so that a race test can
 * force the order of two writers: a subclass registered as a bean listens to the event published at the point
 * (inside the transaction) and calls {@link #pass}; the test calls {@link #hold}, starts the writer, waits with
 * {@link #awaitReached}, starts the other writer, and {@link #release}s. Unheld points pass at once.
 */
public class TransactionHolds {

	private static final long PATIENCE_SECONDS = 30;

	private final Map<String, CountDownLatch> reached = new ConcurrentHashMap<>();

	private final Map<String, CountDownLatch> released = new ConcurrentHashMap<>();

	/** Make the next transaction of the account that passes the point wait there until released. */
	public void hold(Object point, UUID userId) {
		this.reached.put(key(point, userId), new CountDownLatch(1));
		this.released.put(key(point, userId), new CountDownLatch(1));
	}

	/** Wait until a held transaction has reached the point. */
	public void awaitReached(Object point, UUID userId) throws InterruptedException {
		assertThat(this.reached.get(key(point, userId)).await(PATIENCE_SECONDS, TimeUnit.SECONDS))
			.as("%s reached", point)
			.isTrue();
	}

	/** Let the transaction held at the point go on. */
	public void release(Object point, UUID userId) {
		CountDownLatch latch = this.released.remove(key(point, userId));
		if (latch != null) {
			latch.countDown();
		}
	}

	/** Let every held transaction go on (after a test, so that a failed one leaves no thread waiting). */
	public void releaseAll() {
		List<CountDownLatch> latches = new ArrayList<>(this.released.values());
		this.released.clear();
		latches.forEach(CountDownLatch::countDown);
	}

	/**
	 * Called at the point, inside the transaction: waits there if the account's transaction is held.
	 * @param point the point
	 * @param userId the account
	 */
	public void pass(Object point, UUID userId) {
		CountDownLatch release = this.released.get(key(point, userId));
		if (release == null) {
			return;
		}
		this.reached.get(key(point, userId)).countDown();
		try {
			if (!release.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
				throw new IllegalStateException(point + " was never released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String key(Object point, UUID userId) {
		return point + " " + userId;
	}

}
