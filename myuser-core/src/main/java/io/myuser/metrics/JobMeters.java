package io.myuser.metrics;

import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.util.Assert;

/**
 * Times the job executions of this node ({@value MeterNames#JOBS}) by job type and result ({@code success} or
 * {@code failure}), as a db-scheduler listener on MyUser's scheduler.
 */
public class JobMeters extends AbstractSchedulerListener {

	private final MeterRegistry registry;

	public JobMeters(MeterRegistry registry) {
		Assert.notNull(registry, "registry cannot be null");
		this.registry = registry;
	}

	@Override
	public void onExecutionComplete(ExecutionComplete complete) {
		String type = complete.getExecution().taskInstance.getTaskName();
		String result = (complete.getResult() == ExecutionComplete.Result.OK) ? "success" : "failure";
		Quietly.record(MeterNames.JOBS, () -> Timer.builder(MeterNames.JOBS)
			.description("Job executions on this node, by job type and result")
			.tag(MeterNames.TYPE, type)
			.tag(MeterNames.RESULT, result)
			.register(this.registry)
			.record(complete.getDuration()));
	}

}
