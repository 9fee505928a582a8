package io.myuser.social;

import io.myuser.account.AccountEvents.PasswordChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.util.Assert;

/**
 * Against pre-account hijacking: someone signs up through a provider that does not prove addresses (Facebook)
 * with another person's address; that person later takes the account over by resetting its password through
 * their mailbox. A password reset proves the mailbox, so it disconnects every identity of the account whose
 * provider never asserted the address, in the reset's transaction, and each disconnect is audited. The owner can
 * connect their own identities again.
 */
public class UnprovedIdentityCleanup {

	private final SocialAccountRepository socialAccounts;

	private final ApplicationEventPublisher events;

	public UnprovedIdentityCleanup(SocialAccountRepository socialAccounts, ApplicationEventPublisher events) {
		Assert.notNull(socialAccounts, "socialAccounts cannot be null");
		Assert.notNull(events, "events cannot be null");
		this.socialAccounts = socialAccounts;
		this.events = events;
	}

	/**
	 * Disconnect the unproved identities of an account whose password was reset.
	 * @param event the password change, in its transaction (which holds the account's lock)
	 */
	@EventListener
	public void onPasswordChanged(PasswordChanged event) {
		if (!event.reset()) {
			return;
		}
		for (SocialAccount account : this.socialAccounts.findByUserIdAndEmailVerifiedFalse(event.userId())) {
			this.socialAccounts.delete(account);
			this.events.publishEvent(
					new SocialAccountDisconnected(event.userId(), account.getProvider(), event.client()));
		}
		this.socialAccounts.flush();
	}

}
