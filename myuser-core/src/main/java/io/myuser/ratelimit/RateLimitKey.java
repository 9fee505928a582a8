package io.myuser.ratelimit;

import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * The key of one budget: the scope it belongs to (such as {@code login.per-ip}) and the subject it limits, already
 * reduced to a keyed hash by {@link RateLimitKeys}, so that no store ever holds a raw address or IP.
 *
 * @param scope the scope, lower-case letters, digits, dots and hyphens
 * @param subject the hashed subject, URL-safe characters only
 */
public record RateLimitKey(String scope, String subject) {

	private static final Pattern SCOPE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

	private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9_-]{1,128}");

	public RateLimitKey {
		Assert.isTrue(scope != null && SCOPE.matcher(scope).matches(), "scope must be lower-case letters, digits, "
				+ "dots and hyphens");
		Assert.isTrue(subject != null && SUBJECT.matcher(subject).matches(), "subject must be a URL-safe hash");
	}

	/**
	 * The key as stores write it: {@code scope:subject}.
	 * @return the key
	 */
	public String value() {
		return this.scope + ":" + this.subject;
	}

	@Override
	public String toString() {
		return value();
	}

}
