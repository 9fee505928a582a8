package io.myuser.autoconfigure.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Starts MyUser's scheduler once the application is ready (after every runner, with the web server accepting
 * requests) and stops it when the context closes, before the connection pool goes: it is the first lifecycle to
 * stop. db-scheduler's own shutdown hook stays off, so the JVM's shutdown does not race the context's.
 */
final class SchedulerLifecycle implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(SchedulerLifecycle.class);

	private final Scheduler scheduler;

	private volatile boolean running;

	SchedulerLifecycle(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		start();
	}

	/**
	 * Not started with the context's other lifecycles: the application is not ready yet then.
	 */
	@Override
	public boolean isAutoStartup() {
		return false;
	}

	@Override
	public synchronized void start() {
		if (!this.running) {
			this.scheduler.start();
			this.running = true;
			logger.debug("MyUser job scheduler started");
		}
	}

	@Override
	public synchronized void stop() {
		if (this.running) {
			this.running = false;
			this.scheduler.stop();
			logger.debug("MyUser job scheduler stopped");
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stop first, while the database and the beans jobs use are all still there.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

}
