package io.myuser.mail;

/**
 * Hands a rendered email to the outside world. A replaceable strategy: {@link SmtpMailDelivery} sends through
 * Spring's {@code JavaMailSender} when one is configured ({@code spring.mail.host}), {@link LoggingMailDelivery}
 * writes emails to the log instead when the host asks for it (development).
 */
@FunctionalInterface
public interface MailDelivery {

	/**
	 * Deliver an email; throwing makes the mail job retry later.
	 * @param mail the email
	 * @throws Exception when it could not be delivered
	 */
	void deliver(RenderedMail mail) throws Exception;

}
