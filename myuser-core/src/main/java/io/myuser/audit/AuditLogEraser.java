package io.myuser.audit;

import java.util.Locale;

import io.myuser.personaldata.ErasureContext;
import io.myuser.personaldata.PersonalDataOrder;
import io.myuser.personaldata.UserDataEraser;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * The audit log's part of an erasure: the account's rows stay, as the trail of what happened under its id, but
 * lose their client addresses, user agents and details; rows of no account whose details name the address (failed
 * logins before the account existed, say) are pseudonymised too.
 */
public class AuditLogEraser implements UserDataEraser, Ordered {

	private final AuditLogRepository auditLogs;

	public AuditLogEraser(AuditLogRepository auditLogs) {
		Assert.notNull(auditLogs, "auditLogs cannot be null");
		this.auditLogs = auditLogs;
	}

	@Override
	public void erase(ErasureContext context) {
		this.auditLogs.pseudonymiseByUserId(context.userId());
		this.auditLogs.pseudonymiseAnonymousRowsNaming(quotedForLike(context.email()));
	}

	@Override
	public int getOrder() {
		return PersonalDataOrder.AUDIT;
	}

	/**
	 * The address as a JSON string value, lower case (the context's address is stored normalised, so this is its
	 * canonical form), escaped for {@code like ... escape '!'}.
	 */
	private static String quotedForLike(String email) {
		String lower = email.toLowerCase(Locale.ROOT);
		String escaped = lower.replace("!", "!!").replace("%", "!%").replace("_", "!_");
		return "\"" + escaped + "\"";
	}

}
