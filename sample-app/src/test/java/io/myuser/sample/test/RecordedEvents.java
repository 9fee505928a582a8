package io.myuser.sample.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;

/**
 * Records the MyUser events published by any thread (HTTP requests run on server threads, out of reach of Spring
 * Test's own event recording), so tests can assert that a feature published what other features listen to.
 */
public class RecordedEvents {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(Object event) {
		if (event.getClass().getName().startsWith("io.myuser.")
				&& !event.getClass().getName().startsWith("io.myuser.sample.")) {
			this.events.add(event);
		}
	}

	public <T> List<T> ofType(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

}
