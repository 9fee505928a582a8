package io.myuser.token;

import java.util.Locale;

import org.springframework.util.Assert;

/**
 * Published after every call of {@code token/refresh/}, once its outcome is known and outside any transaction: what
 * became of it, and nothing about who asked (metrics count it; the audit log has the security-relevant part through
 * {@link RefreshTokenReuseDetected}).
 *
 * @param result what became of the refresh
 */
public record TokenRefreshAttempted(Result result) {

	public TokenRefreshAttempted {
		Assert.notNull(result, "result cannot be null");
	}

	/**
	 * What became of a refresh.
	 */
	public enum Result {

		/** New tokens were issued. */
		SUCCESS,
		/** A token rotated a moment ago was presented again by the same client: the same new pair was returned. */
		REPLAYED,
		/** The token was invalid, expired, revoked, of the wrong type or of an ended session. */
		INVALID,
		/** An already rotated token was presented again: its whole session was revoked. */
		REUSED,
		/** The refresh could not be answered (the database failed). */
		ERROR;

		/**
		 * Return the name used in metric tags: the constant's name in lower case.
		 * @return the tag value
		 */
		public String tagValue() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
