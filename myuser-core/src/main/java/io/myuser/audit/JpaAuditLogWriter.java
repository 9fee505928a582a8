package io.myuser.audit;

import java.util.Map;
import java.util.UUID;

import io.myuser.support.ClientInfo;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Default {@link AuditLogWriter}: one row in {@code myuser_audit_log} per call, committed in its own transaction
 * so that it survives the rollback of whatever caused it.
 */
public final class JpaAuditLogWriter implements AuditLogWriter {

	private static final UUID NO_ACCOUNT = new UUID(0, 0);

	private final AuditLogRepository repository;

	private final JsonMapper jsonMapper;

	private final TransactionTemplate transaction;

	private final boolean keepClientInfo;

	public JpaAuditLogWriter(AuditLogRepository repository, JsonMapper jsonMapper,
			PlatformTransactionManager transactionManager) {
		this(repository, jsonMapper, transactionManager, true);
	}

	/**
	 * Create a writer.
	 * @param repository where rows go
	 * @param jsonMapper writes the details
	 * @param transactionManager for the row's own transaction
	 * @param keepClientInfo whether rows keep the client's IP address and user agent (when {@code false}, every row
	 * is written without them)
	 */
	public JpaAuditLogWriter(AuditLogRepository repository, JsonMapper jsonMapper,
			PlatformTransactionManager transactionManager, boolean keepClientInfo) {
		Assert.notNull(repository, "repository cannot be null");
		Assert.notNull(jsonMapper, "jsonMapper cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		this.repository = repository;
		this.jsonMapper = jsonMapper;
		this.transaction = new TransactionTemplate(transactionManager);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.keepClientInfo = keepClientInfo;
	}

	@Override
	public void write(@Nullable UUID userId, AuditEventType type, ClientInfo client, Map<String, Object> details) {
		Assert.notNull(type, "type cannot be null");
		Assert.notNull(client, "client cannot be null");
		Assert.notNull(details, "details cannot be null");
		String json = this.jsonMapper.writeValueAsString(details);
		if (json.length() > AuditLog.DETAILS_MAX_LENGTH) {
			json = this.jsonMapper.writeValueAsString(Map.of("truncated", true, "keys", details.keySet()));
		}
		String stored = json;
		this.transaction.executeWithoutResult((status) -> {
			// Under the account's lock: an erasure either committed before (and the row is written pseudonymised,
			// as the erasure left the others; so is a row of a soft-deleted account) or waits for this row and
			// pseudonymises it with the rest.
			// The same statement for a row of no account (the nil id matches none), so that audit rows for an
			// address with an account and for one without cost the same.
			boolean erased = this.repository.lockLiveAccount((userId != null) ? userId : NO_ACCOUNT).isEmpty()
					&& userId != null;
			this.repository.save(erased
					? new AuditLog(userId, type, ClientInfo.NONE,
							(type == AuditEventType.ACCOUNT_DELETED) ? stored : "{}")
					: new AuditLog(userId, type, this.keepClientInfo ? client : ClientInfo.NONE, stored));
		});
	}

}
