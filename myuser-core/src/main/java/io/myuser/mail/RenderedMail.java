package io.myuser.mail;

import org.springframework.util.Assert;

/**
 * An email ready to send.
 *
 * @param to the recipient address
 * @param subject the subject line
 * @param html the HTML body
 * @param text the plain-text body
 */
public record RenderedMail(String to, String subject, String html, String text) {

	public RenderedMail {
		Assert.hasText(to, "to cannot be empty");
		Assert.hasText(subject, "subject cannot be empty");
		Assert.notNull(html, "html cannot be null");
		Assert.notNull(text, "text cannot be null");
	}

}
