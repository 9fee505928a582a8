package io.myuser.autoconfigure.mail;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains that MyUser's emails have no mail server, and the three ways out.
 */
public class MailServerMissingFailureAnalyzer extends AbstractFailureAnalyzer<MailServerMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MailServerMissingException cause) {
		String description = "MyUser cannot send its emails (address verification, password reset, data export "
				+ "links): no mail server is configured. The property 'spring.mail.host' is not set and there is no "
				+ "JavaMailSender bean.";
		String action = "Set 'spring.mail.host' (with spring.mail.port, spring.mail.username and "
				+ "spring.mail.password as your SMTP server needs) or declare a JavaMailSender bean. "
				+ "For development without a mail server, set 'myuser.mail.log-delivery=true': emails, their "
				+ "reset and download links included, are then written to the log. If this application sends no "
				+ "MyUser emails, set 'myuser.mail.enabled=false'.";
		return new FailureAnalysis(description, action, cause);
	}

}
