package io.myuser.metrics;

/**
 * The names of MyUser's meters and of their tags. Tags hold only values from small fixed sets (results, reasons,
 * login methods, template names, job types, rate-limit scopes), never an address, an id or an IP.
 */
public final class MeterNames {

	/** Counter of logins; tags {@link #RESULT} ({@code success}, {@code failure}), {@link #METHOD}, {@link #REASON}. */
	public static final String LOGINS = "myuser.logins";

	/** Counter of {@code token/refresh/} calls; tag {@link #RESULT}. */
	public static final String REFRESHES = "myuser.refreshes";

	/** Counter of sessions revoked because a rotated refresh token was presented again. */
	public static final String REFRESH_REUSE = "myuser.refresh.reuse";

	/** Gauge of live sessions, of all users (the same value on every node sharing the database). */
	public static final String SESSIONS_ACTIVE = "myuser.sessions.active";

	/** Counter of attempts to send an email; tags {@link #TEMPLATE}, {@link #RESULT}. */
	public static final String MAILS = "myuser.mails";

	/** Timer of job executions on this node; tags {@link #TYPE}, {@link #RESULT}. */
	public static final String JOBS = "myuser.jobs";

	/** Timer of export attempts; tag {@link #RESULT}. */
	public static final String EXPORTS = "myuser.exports";

	/** Distribution summary of the size of stored export archives, in bytes; tag {@link #RESULT}. */
	public static final String EXPORT_SIZE = "myuser.exports.size";

	/** Counter of requests refused with 429; tag {@link #SCOPE}. */
	public static final String RATE_LIMITED = "myuser.rate-limited";

	/** Tag: what became of the thing counted. */
	public static final String RESULT = "result";

	/** Tag: {@code password}, {@code registration} or a social provider's registration id. */
	public static final String METHOD = "method";

	/** Tag: why a login failed ({@code none} for a success). */
	public static final String REASON = "reason";

	/** Tag: the email template's name. */
	public static final String TEMPLATE = "template";

	/** Tag: the job type's name. */
	public static final String TYPE = "type";

	/** Tag: the rate-limit scope, such as {@code login.per-ip}. */
	public static final String SCOPE = "scope";

	private MeterNames() {
	}

}
