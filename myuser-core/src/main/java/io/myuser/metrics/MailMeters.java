package io.myuser.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.myuser.mail.MailAttempted;

import org.springframework.context.event.EventListener;
import org.springframework.util.Assert;

/**
 * Counts attempts to send an email ({@value MeterNames#MAILS}) by template and result.
 */
public class MailMeters {

	private final MeterRegistry registry;

	public MailMeters(MeterRegistry registry) {
		Assert.notNull(registry, "registry cannot be null");
		this.registry = registry;
	}

	@EventListener
	public void onMail(MailAttempted event) {
		Quietly.record(MeterNames.MAILS, () -> Counter.builder(MeterNames.MAILS)
			.description("Attempts to send an email, by template and result")
			.tag(MeterNames.TEMPLATE, event.template())
			.tag(MeterNames.RESULT, event.result().tagValue())
			.register(this.registry)
			.increment());
	}

}
