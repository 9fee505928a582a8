package io.myuser.sample.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every run of the test jobs, per instance id, with the time, the thread and the data it saw, and every
 * call of {@code onGiveUp}.
 */
class JobRecorder {

	private final Map<String, List<Run>> runs = new ConcurrentHashMap<>();

	private final Map<String, List<Throwable>> giveUps = new ConcurrentHashMap<>();

	/**
	 * Record a run.
	 * @return which attempt of this instance it is, starting at 1
	 */
	int record(Note note) {
		List<Run> list = this.runs.computeIfAbsent(note.id(), (id) -> new CopyOnWriteArrayList<>());
		synchronized (list) {
			list.add(new Run(Instant.now(), Thread.currentThread().getName(), note.text()));
			return list.size();
		}
	}

	void gaveUp(Note note, Throwable failure) {
		this.giveUps.computeIfAbsent(note.id(), (id) -> new CopyOnWriteArrayList<>()).add(failure);
	}

	List<Run> runs(String id) {
		return this.runs.getOrDefault(id, List.of());
	}

	int count(String id) {
		return runs(id).size();
	}

	List<Throwable> giveUps(String id) {
		return this.giveUps.getOrDefault(id, List.of());
	}

	record Run(Instant at, String thread, String text) {

	}

}
