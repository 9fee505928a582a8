package io.myuser.support;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Base of the exceptions a MyUser feature throws when it refuses what a caller asked: it says why in the
 * feature's terms (a {@link Reason}, a stable code, a title and a detail for the caller, and any extra properties)
 * and nothing of HTTP. The web edge answers each one as problem JSON, choosing the status from the reason; see
 * {@code docs/errors.md}.
 */
public class RefusedException extends RuntimeException {

	private final Reason reason;

	private final String code;

	private final String title;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	private @Nullable Duration retryAfter;

	/**
	 * Create a refusal.
	 * @param reason why, in general
	 * @param code the stable code clients can test (the problem type's last segment), such as
	 * {@code download-gone}
	 * @param title a short summary that does not change from one occurrence to the next
	 * @param detail what happened this time, for the caller
	 */
	public RefusedException(Reason reason, String code, String title, String detail) {
		super(detail);
		Assert.notNull(reason, "reason cannot be null");
		Assert.hasText(code, "code cannot be empty");
		Assert.hasText(title, "title cannot be empty");
		Assert.hasText(detail, "detail cannot be empty");
		this.reason = reason;
		this.code = code;
		this.title = title;
	}

	public Reason getReason() {
		return this.reason;
	}

	public String getCode() {
		return this.code;
	}

	public String getTitle() {
		return this.title;
	}

	/**
	 * Return the detail for the caller.
	 * @return the detail
	 */
	public String getDetail() {
		String detail = getMessage();
		return (detail != null) ? detail : this.title;
	}

	/**
	 * Return the extra facts for the caller, such as the status of the request that could not be withdrawn.
	 * @return the properties, by JSON name
	 */
	public Map<String, Object> getProperties() {
		return Collections.unmodifiableMap(this.properties);
	}

	/**
	 * Add an extra fact for the caller.
	 * @param name its JSON name (snake case)
	 * @param value its value
	 */
	protected final void setProperty(String name, Object value) {
		Assert.hasText(name, "name cannot be empty");
		Assert.notNull(value, "value cannot be null");
		this.properties.put(name, value);
	}

	/**
	 * Return how long the caller should wait before asking again, when the refusal is temporary.
	 * @return the wait, if there is one
	 */
	public Optional<Duration> getRetryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

	/**
	 * Return a duration in whole seconds, rounded up: a wait of 1.2 s is 2 s, so that a caller who waits that long
	 * is never early.
	 * @param duration the duration, not negative
	 * @return the seconds
	 */
	public static long wholeSecondsUp(Duration duration) {
		return duration.toSeconds() + ((duration.toNanosPart() > 0) ? 1 : 0);
	}

	/**
	 * Say how long the caller should wait before asking again.
	 * @param retryAfter the wait, not negative
	 */
	protected final void setRetryAfter(Duration retryAfter) {
		Assert.isTrue(retryAfter != null && !retryAfter.isNegative(), "retryAfter cannot be negative");
		this.retryAfter = retryAfter;
	}

	/**
	 * Why a request was refused, in general. The web edge maps each reason to one HTTP status.
	 */
	public enum Reason {

		/** What was sent is not acceptable: fields are missing or wrong (400). */
		INVALID_INPUT,

		/** The caller did not prove who they are, or the proof failed (401, {@code WWW-Authenticate: Bearer}). */
		NOT_AUTHENTICATED,

		/** The caller's token cannot be used (401, {@code WWW-Authenticate: Bearer error="invalid_token"}). */
		INVALID_TOKEN,

		/** The caller is known but may not do this now (403). */
		FORBIDDEN,

		/** What was asked for does not exist, or not for this caller (404). */
		NOT_FOUND,

		/** The state of what was asked for does not allow it (409). */
		CONFLICT,

		/** What was asked for existed but is no longer available (410). */
		GONE,

		/** The caller asked too often; the refusal says when to ask again (429, {@code Retry-After}). */
		TOO_MANY_REQUESTS,

		/** MyUser cannot answer now for a reason of its own; the refusal may say when to ask again (503). */
		UNAVAILABLE,

		/** A server MyUser depends on for the answer (a social provider) failed or did not answer in time (502). */
		UPSTREAM_FAILED

	}

}
