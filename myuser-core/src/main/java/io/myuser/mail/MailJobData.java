package io.myuser.mail;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a mail job carries: everything needed to render and send one email, and nothing secret. Links with keys
 * are not stored here: the key is issued when the email is sent ({@code keyPurpose}), so it never waits in the job
 * table in clear.
 *
 * @param template the template's name ({@link MailTemplate#templateName()})
 * @param to the recipient address
 * @param languageTag the recipient's language (BCP 47)
 * @param userId the account the email is about, if any; its current first name is used as recipient name
 * @param recipientName the name to greet when the account is gone (deletion confirmation)
 * @param text text variables
 * @param times time variables
 * @param keyPurpose {@code EMAIL_VERIFICATION} or {@code PASSWORD_RESET} when the email carries a fresh key link,
 * {@code DATA_EXPORT_DOWNLOAD} or {@code DELETION_CANCEL} for the GDPR emails whose links are issued when sent
 */
public record MailJobData(String template, String to, String languageTag, @Nullable UUID userId,
		@Nullable String recipientName, Map<String, String> text, Map<String, Instant> times,
		@Nullable String keyPurpose) {

	public MailJobData {
		text = (text != null) ? Map.copyOf(text) : Map.of();
		times = (times != null) ? Map.copyOf(times) : Map.of();
	}

}
