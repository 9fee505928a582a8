package io.myuser.sample.audit;

import java.util.Map;
import java.util.UUID;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditableEvent;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.support.ClientInfo;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@link AuditableEvent} leaves its audit row only once the transaction that published it commits: a rollback
 * leaves none, a commit exactly one, and an event published outside any transaction is written at once.
 */
abstract class AuditAfterCommitTests extends IntegrationTestSupport {

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Test
	void an_event_published_in_a_transaction_that_rolls_back_leaves_no_audit_row() {
		String marker = UUID.randomUUID().toString();

		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.events.publishEvent(new SomethingSuspicious(marker));
			status.setRollbackOnly();
		});

		assertThat(rowsFor(marker)).isZero();
	}

	@Test
	void an_event_published_in_a_transaction_that_commits_leaves_exactly_one_audit_row_after_the_commit() {
		String marker = UUID.randomUUID().toString();

		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.events.publishEvent(new SomethingSuspicious(marker));
			assertThat(rowsFor(marker)).as("before the commit").isZero();
		});

		assertThat(rowsFor(marker)).isOne();
		assertThat(this.jdbc.queryForObject("select event_type from myuser_audit_log where details like ?",
				String.class, "%" + marker + "%"))
			.isEqualTo("SUSPICIOUS_ACTIVITY");
	}

	@Test
	void an_event_published_outside_a_transaction_leaves_its_audit_row_at_once() {
		String marker = UUID.randomUUID().toString();

		this.events.publishEvent(new SomethingSuspicious(marker));

		assertThat(rowsFor(marker)).isOne();
	}

	private long rowsFor(String marker) {
		return count("select count(*) from myuser_audit_log where details like ?", "%" + marker + "%");
	}

	/**
	 * A host's own auditable event, carrying a marker that finds its row again.
	 */
	record SomethingSuspicious(String marker) implements AuditableEvent {

		@Override
		public AuditEventType auditEventType() {
			return AuditEventType.SUSPICIOUS_ACTIVITY;
		}

		@Override
		public @Nullable UUID userId() {
			return null;
		}

		@Override
		public ClientInfo client() {
			return ClientInfo.NONE;
		}

		@Override
		public Map<String, Object> auditDetails() {
			return Map.of("marker", this.marker);
		}

	}

}
