package io.myuser.social;

import io.myuser.personaldata.ErasureContext;
import io.myuser.personaldata.PersonalDataOrder;
import io.myuser.personaldata.UserDataEraser;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * The connected social accounts' part of an erasure: they are deleted, disconnected ones included.
 */
public class SocialAccountEraser implements UserDataEraser, Ordered {

	private final SocialAccountRepository socialAccounts;

	public SocialAccountEraser(SocialAccountRepository socialAccounts) {
		Assert.notNull(socialAccounts, "socialAccounts cannot be null");
		this.socialAccounts = socialAccounts;
	}

	@Override
	public void erase(ErasureContext context) {
		this.socialAccounts.deleteAllByUserIdIncludingDeleted(context.userId());
	}

	@Override
	public int getOrder() {
		return PersonalDataOrder.SOCIAL;
	}

}
