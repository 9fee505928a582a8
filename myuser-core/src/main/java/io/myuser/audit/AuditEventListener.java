package io.myuser.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.Assert;

/**
 * Turns every {@link AuditableEvent} into an audit row after the publishing transaction commits, or at once when
 * the event was published outside a transaction (a failed login rolls nothing back and still leaves its row). A
 * failure to write is logged and never breaks the request that caused the event.
 */
public class AuditEventListener {

	private static final Logger logger = LoggerFactory.getLogger(AuditEventListener.class);

	private final AuditLogWriter writer;

	public AuditEventListener(AuditLogWriter writer) {
		Assert.notNull(writer, "writer cannot be null");
		this.writer = writer;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	public void onAuditableEvent(AuditableEvent event) {
		try {
			this.writer.write(event.userId(), event.auditEventType(), event.client(), event.auditDetails());
		}
		catch (RuntimeException ex) {
			logger.error("Could not write audit row {} for user {}", event.auditEventType(), event.userId(), ex);
		}
	}

}
