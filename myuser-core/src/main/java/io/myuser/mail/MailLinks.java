package io.myuser.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.util.Assert;

/**
 * Builds the links emails carry: to the host's frontend when one is configured, else to MyUser's own small pages.
 *
 * @param verifyEmailUrl the verification page, to which {@code key=<key>} is appended as a query parameter
 * @param resetPasswordUrl the new-password page, to which {@code token=<token>} is appended
 * @param cancelDeletionUrl the page that withdraws a pending account deletion, to which {@code token=<token>} is
 * appended
 */
public record MailLinks(String verifyEmailUrl, String resetPasswordUrl, String cancelDeletionUrl) {

	public MailLinks {
		Assert.hasText(verifyEmailUrl, "verifyEmailUrl cannot be empty");
		Assert.hasText(resetPasswordUrl, "resetPasswordUrl cannot be empty");
		Assert.hasText(cancelDeletionUrl, "cancelDeletionUrl cannot be empty");
	}

	String verifyEmail(String key) {
		return append(this.verifyEmailUrl, "key", key);
	}

	String resetPassword(String token) {
		return append(this.resetPasswordUrl, "token", token);
	}

	/**
	 * Build the link that withdraws a pending account deletion.
	 * @param token the withdrawal token
	 * @return the link
	 */
	public String cancelDeletion(String token) {
		return append(this.cancelDeletionUrl, "token", token);
	}

	private static String append(String url, String name, String value) {
		return url + (url.contains("?") ? "&" : "?") + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
