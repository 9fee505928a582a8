package io.myuser.mail;

import java.util.Locale;

import org.springframework.util.Assert;

/**
 * Published after every attempt of the job engine to send one email, outside any transaction: which template and
 * what became of it, and nothing about the recipient (metrics count it).
 *
 * @param template the template's name ({@link MailTemplate#templateName()})
 * @param result what became of the attempt
 */
public record MailAttempted(String template, Result result) {

	public MailAttempted {
		Assert.hasText(template, "template cannot be empty");
		Assert.notNull(result, "result cannot be null");
	}

	/**
	 * What became of an attempt to send an email.
	 */
	public enum Result {

		/** Handed to the mail server. */
		SENT,
		/** Not sent, on purpose: the account, its export or its pending deletion went away since it was asked for. */
		SKIPPED,
		/** Rendering or delivery failed; the job engine retries it with backoff. */
		FAILED,
		/** The last attempt failed: the email is dropped. Follows the {@link #FAILED} of that attempt. */
		GAVE_UP;

		/**
		 * Return the name used in metric tags: the constant's name in lower case.
		 * @return the tag value
		 */
		public String tagValue() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
