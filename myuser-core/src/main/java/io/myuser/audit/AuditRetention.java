package io.myuser.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Deletes audit rows older than the retention period, in batches of their own transaction each, so that a first
 * run over years of rows neither holds locks long nor grows one transaction without bound. A retention of zero
 * keeps every row.
 */
public class AuditRetention {

	/** The name of the recurring job that runs it. */
	public static final String JOB_NAME = "myuser-audit-retention";

	private static final Logger logger = LoggerFactory.getLogger(AuditRetention.class);

	private static final int BATCH = 1000;

	private final AuditLogRepository repository;

	private final Duration retention;

	private final TransactionTemplate transaction;

	private final Clock clock;

	public AuditRetention(AuditLogRepository repository, Duration retention,
			PlatformTransactionManager transactionManager, Clock clock) {
		Assert.notNull(repository, "repository cannot be null");
		Assert.isTrue(retention != null && !retention.isNegative(), "retention cannot be negative");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.repository = repository;
		this.retention = retention;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Delete the rows created before the retention period.
	 * @return how many rows were deleted
	 */
	public int deleteExpired() {
		if (this.retention.isZero()) {
			return 0;
		}
		Instant before = this.clock.instant().minus(this.retention);
		int total = 0;
		int deleted;
		do {
			Integer batch = this.transaction.execute((status) -> this.repository.deleteCreatedBefore(before, BATCH));
			deleted = (batch != null) ? batch : 0;
			total += deleted;
		}
		while (deleted == BATCH);
		if (total > 0) {
			logger.info("Deleted {} audit rows created before {} (retention {})", total, before, this.retention);
		}
		return total;
	}

}
