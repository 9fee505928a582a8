package io.myuser.sample.devmail;

import io.myuser.mail.MailDelivery;
import io.myuser.mail.RenderedMail;

import org.springframework.util.Assert;

/**
 * Delivers through MyUser's own delivery (SMTP, or the log), then keeps the email in the dev mailbox. A delivery
 * that fails is not kept: the mail job retries it, and the mailbox shows each email once, when it went out.
 */
final class RecordingMailDelivery implements MailDelivery {

	private final MailDelivery delegate;

	private final DevMailbox mailbox;

	RecordingMailDelivery(MailDelivery delegate, DevMailbox mailbox) {
		Assert.notNull(delegate, "delegate cannot be null");
		Assert.notNull(mailbox, "mailbox cannot be null");
		this.delegate = delegate;
		this.mailbox = mailbox;
	}

	@Override
	public void deliver(RenderedMail mail) throws Exception {
		this.delegate.deliver(mail);
		this.mailbox.add(mail);
	}

}
