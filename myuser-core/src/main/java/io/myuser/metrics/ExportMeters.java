package io.myuser.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.myuser.gdpr.export.DataExportAttempted;

import org.springframework.context.event.EventListener;
import org.springframework.util.Assert;

/**
 * Times export attempts ({@value MeterNames#EXPORTS}) by result, and records the size of every stored archive
 * ({@value MeterNames#EXPORT_SIZE}, in bytes).
 */
public class ExportMeters {

	private final MeterRegistry registry;

	public ExportMeters(MeterRegistry registry) {
		Assert.notNull(registry, "registry cannot be null");
		this.registry = registry;
	}

	@EventListener
	public void onExport(DataExportAttempted event) {
		Quietly.record(MeterNames.EXPORTS, () -> record(event));
	}

	private void record(DataExportAttempted event) {
		String result = event.result().tagValue();
		Timer.builder(MeterNames.EXPORTS)
			.description("Attempts to build and store a data export archive, by result")
			.tag(MeterNames.RESULT, result)
			.register(this.registry)
			.record(event.duration());
		if (event.result() == DataExportAttempted.Result.COMPLETED) {
			DistributionSummary.builder(MeterNames.EXPORT_SIZE)
				.description("Size of stored data export archives")
				.baseUnit("bytes")
				.tag(MeterNames.RESULT, result)
				.register(this.registry)
				.record(event.sizeBytes());
		}
	}

}
