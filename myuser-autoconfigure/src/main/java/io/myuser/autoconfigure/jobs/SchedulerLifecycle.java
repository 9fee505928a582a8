package io.myuser.autoconfigure.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.util.Assert;

/**
 * Runs MyUser's scheduler with the application context.
 * <ul>
 * <li>It starts once the application is ready (after every runner, with the web server accepting requests), not
 * when the context's other lifecycles start.</li>
 * <li>When the context is stopped or paused (Spring Framework 7 pauses cached test contexts that are not in use),
 * the scheduler is paused: it picks no new jobs, while jobs already running finish. When the context is started or
 * restarted again, the scheduler resumes. A db-scheduler {@code Scheduler} cannot start again once stopped, so
 * pausing is the only way it can come back.</li>
 * <li>When the context closes, the scheduler stops for good, waiting for running jobs, before any other lifecycle
 * stops and before the connection pool goes. db-scheduler's own shutdown hook stays off, so the JVM's shutdown does
 * not race the context's.</li>
 * </ul>
 */
final class SchedulerLifecycle implements SmartLifecycle, SmartApplicationListener, ApplicationContextAware {

	private static final Logger logger = LoggerFactory.getLogger(SchedulerLifecycle.class);

	private final Scheduler scheduler;

	private @Nullable ApplicationContext context;

	/** Whether the application has been ready: until then, lifecycle starts are left to the ready event. */
	private boolean ready;

	/** Whether the scheduler has been started; it is never started twice. */
	private boolean started;

	/** Whether the context is closing: a stop is then for good. */
	private boolean closing;

	private volatile boolean running;

	SchedulerLifecycle(Scheduler scheduler) {
		Assert.notNull(scheduler, "scheduler cannot be null");
		this.scheduler = scheduler;
	}

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ApplicationReadyEvent.class.isAssignableFrom(eventType)
				|| ContextClosedEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationReadyEvent ready && isOwnContext(ready.getApplicationContext())) {
			synchronized (this) {
				this.ready = true;
			}
			start();
		}
		else if (event instanceof ContextClosedEvent closed && isOwnContext(closed.getApplicationContext())) {
			closing();
		}
	}

	private boolean isOwnContext(ApplicationContext eventContext) {
		return this.context == null || this.context == eventContext;
	}

	/**
	 * The context closes: the lifecycle stop that follows ends the scheduler for good. A scheduler that is paused
	 * at this moment gets no stop call (it is not running), so it is ended here, while every bean is still there.
	 */
	private synchronized void closing() {
		this.closing = true;
		if (this.started && !this.running && !this.scheduler.getSchedulerState().isShuttingDown()) {
			this.scheduler.stop();
			logger.debug("MyUser job scheduler stopped while paused, as the context closes");
		}
	}

	/**
	 * Started and restarted with the context. Before the application is ready, a start does nothing: the ready
	 * event starts the scheduler.
	 */
	@Override
	public boolean isAutoStartup() {
		return true;
	}

	@Override
	public synchronized void start() {
		if (this.running || !this.ready || this.closing) {
			return;
		}
		if (!this.started) {
			this.scheduler.start();
			this.started = true;
			logger.debug("MyUser job scheduler started");
		}
		else {
			this.scheduler.resume();
			logger.debug("MyUser job scheduler resumed");
		}
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		if (this.closing) {
			this.scheduler.stop();
			logger.debug("MyUser job scheduler stopped");
		}
		else {
			this.scheduler.pause();
			logger.debug("MyUser job scheduler paused");
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
