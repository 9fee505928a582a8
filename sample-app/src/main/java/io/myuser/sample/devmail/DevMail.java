package io.myuser.sample.devmail;

import java.time.Instant;
import java.util.List;

/**
 * One email MyUser delivered, as the dev mailbox keeps it.
 *
 * @param id the mail's number in this run, counting from 1
 * @param to the recipient address
 * @param subject the subject line
 * @param text the plain-text body
 * @param links the http and https links of the plain-text body, in order, each once
 * @param deliveredAt when it was delivered
 */
public record DevMail(long id, String to, String subject, String text, List<String> links, Instant deliveredAt) {

	public DevMail {
		links = List.copyOf(links);
	}

}
