package io.myuser.mail;

import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.util.Assert;

/**
 * Sends emails as multipart/alternative (plain text and HTML) through a {@link JavaMailSender}.
 */
public final class SmtpMailDelivery implements MailDelivery {

	private final JavaMailSender sender;

	private final String from;

	public SmtpMailDelivery(JavaMailSender sender, String from) {
		Assert.notNull(sender, "sender cannot be null");
		Assert.hasText(from, "from cannot be empty");
		this.sender = sender;
		this.from = from;
	}

	@Override
	public void deliver(RenderedMail mail) throws Exception {
		MimeMessage message = this.sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(this.from);
		helper.setTo(mail.to());
		helper.setSubject(mail.subject());
		helper.setText(mail.text(), mail.html());
		this.sender.send(message);
	}

}
