package io.myuser.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the recording of a meter so that a failing registry never fails the request, job or event that is being
 * counted: a failure is logged and the count is lost.
 */
final class Quietly {

	private static final Logger logger = LoggerFactory.getLogger(Quietly.class);

	private Quietly() {
	}

	static void record(String meter, Runnable recording) {
		try {
			recording.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record meter {}", meter, ex);
		}
	}

}
