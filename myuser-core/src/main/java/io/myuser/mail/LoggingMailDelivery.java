package io.myuser.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes emails to the log instead of sending them, for development without an SMTP server. The plain-text body is
 * logged in full, so links can be followed from the console: the log then holds working reset, verification and
 * download links. Never a silent fallback: the auto-configuration uses it only when asked to
 * ({@code myuser.mail.log-delivery=true}).
 */
public final class LoggingMailDelivery implements MailDelivery {

	private static final Logger logger = LoggerFactory.getLogger(LoggingMailDelivery.class);

	@Override
	public void deliver(RenderedMail mail) {
		logger.info("Email (not sent: no SMTP server configured) to {}: {}\n{}", mail.to(), mail.subject(),
				mail.text());
	}

}
