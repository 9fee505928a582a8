package io.myuser.session;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the lifecycle of {@link SessionRevocationCache}: stopping lets a poll that is running finish instead
 * of interrupting it halfway through a query, and no poll starts after {@code stop()} returned.
 */
class SessionRevocationCacheLifecycleTests {

	@Test
	void stopWaitsForTheRunningPollAndNoPollRunsAfterIt() throws Exception {
		CountDownLatch pollStarted = new CountDownLatch(1);
		CountDownLatch releasePoll = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		AtomicInteger finished = new AtomicInteger();
		AtomicReference<Throwable> interrupted = new AtomicReference<>();
		TokenRevocationRepository repository = (TokenRevocationRepository) Proxy.newProxyInstance(
				getClass().getClassLoader(), new Class<?>[] { TokenRevocationRepository.class }, (proxy, method, args) -> {
					if (!method.getName().equals("findRevokedSince")) {
						throw new UnsupportedOperationException(method.getName());
					}
					if (calls.incrementAndGet() == 2) {
						// The first scheduled poll (the first call is start()'s own load): held until released.
						pollStarted.countDown();
						try {
							releasePoll.await(30, TimeUnit.SECONDS);
						}
						catch (InterruptedException ex) {
							interrupted.set(ex);
							throw ex;
						}
					}
					finished.incrementAndGet();
					return List.of();
				});
		SessionRevocationCache cache = new SessionRevocationCache(repository, Clock.systemUTC(), Duration.ofMillis(20),
				Duration.ofSeconds(1));
		cache.start();
		assertThat(pollStarted.await(30, TimeUnit.SECONDS)).isTrue();

		Thread stopper = new Thread(cache::stop, "stopper");
		stopper.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (stopper.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(stopper.isAlive()).as("stop() waits while the poll runs").isTrue();
		assertThat(cache.isRunning()).isFalse();
		releasePoll.countDown();
		stopper.join(TimeUnit.SECONDS.toMillis(30));

		assertThat(stopper.isAlive()).isFalse();
		assertThat(interrupted.get()).as("the running poll was not interrupted").isNull();
		assertThat(finished.get()).isEqualTo(2);
		int callsAtStop = calls.get();
		Thread.sleep(100);
		assertThat(calls.get()).as("no poll after stop()").isEqualTo(callsAtStop);
	}

}
