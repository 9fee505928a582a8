package io.myuser.sample;

import java.util.Map;
import java.util.UUID;

import io.myuser.audit.AuditEventType;
import io.myuser.audit.AuditLogWriter;
import io.myuser.support.ClientInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a host replaces a MyUser bean: this audit writer keeps MyUser's database rows (it delegates to the default
 * writer) and also sends every audit event to the application log, where a log shipper could pick it up.
 */
class LoggingAuditLogWriter implements AuditLogWriter {

	private static final Logger logger = LoggerFactory.getLogger("audit");

	private final AuditLogWriter delegate;

	LoggingAuditLogWriter(AuditLogWriter delegate) {
		this.delegate = delegate;
	}

	@Override
	public void write(@Nullable UUID userId, AuditEventType type, ClientInfo client, Map<String, Object> details) {
		logger.info("{} user={} ip={}", type, userId, client.ipAddress());
		this.delegate.write(userId, type, client, details);
	}

}
