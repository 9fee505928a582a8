package io.myuser.sample.jobs;

import java.io.IOException;

import io.myuser.jobs.JobHandler;
import io.myuser.jobs.JobType;
import io.myuser.jobs.OneTimeJob;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Jobs a host would contribute, for the job engine tests: one that records its runs, one that fails its first two
 * attempts, and one that always fails.
 */
@TestConfiguration(proxyBeanMethods = false)
class JobTestConfiguration {

	static final JobType<Note> RECORD = JobType.of("test-record", Note.class);

	static final JobType<Note> FLAKY = JobType.of("test-flaky", Note.class).withPriority(JobType.PRIORITY_HIGH);

	static final JobType<Note> FAILING = JobType.of("test-failing", Note.class);

	/** Takes a little while, so that one node cannot drain a batch before another node polls. */
	static final JobType<Note> SLOW = JobType.of("test-slow", Note.class);

	@Bean
	JobRecorder jobRecorder() {
		return new JobRecorder();
	}

	@Bean
	OneTimeJob<Note> recordJob(JobRecorder recorder) {
		return OneTimeJob.of(RECORD, recorder::record);
	}

	@Bean
	OneTimeJob<Note> slowJob(JobRecorder recorder) {
		return OneTimeJob.of(SLOW, (note) -> {
			recorder.record(note);
			Thread.sleep(20);
		});
	}

	@Bean
	OneTimeJob<Note> flakyJob(JobRecorder recorder) {
		return OneTimeJob.of(FLAKY, (note) -> {
			if (recorder.record(note) <= 2) {
				throw new IllegalStateException("attempt failed on purpose");
			}
		});
	}

	@Bean
	OneTimeJob<Note> failingJob(JobRecorder recorder) {
		return OneTimeJob.of(FAILING, new JobHandler<>() {

			@Override
			public void handle(Note note) throws IOException {
				recorder.record(note);
				throw new IOException("always fails: " + note.text());
			}

			@Override
			public void onGiveUp(Note note, Throwable lastFailure) {
				recorder.gaveUp(note, lastFailure);
			}

		});
	}

}
