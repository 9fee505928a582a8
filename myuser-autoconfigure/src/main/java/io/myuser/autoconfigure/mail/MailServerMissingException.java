package io.myuser.autoconfigure.mail;

/**
 * Thrown at startup when MyUser's emails have nowhere to go: no mail server ({@code spring.mail.host} or a
 * {@code JavaMailSender} bean), no {@code myuser.mail.log-delivery=true} and no {@code MailDelivery} bean of the
 * host's. Turned into a readable startup report by {@link MailServerMissingFailureAnalyzer}.
 */
public class MailServerMissingException extends RuntimeException {

	public MailServerMissingException() {
		super("No mail server is configured for MyUser's emails (spring.mail.host is not set and there is no "
				+ "JavaMailSender bean), and myuser.mail.log-delivery is not true");
	}

}
