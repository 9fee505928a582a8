package io.myuser.profile;

import io.myuser.personaldata.ErasureContext;
import io.myuser.personaldata.PersonalDataOrder;
import io.myuser.personaldata.UserDataEraser;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * The profile's part of an erasure: the profile goes (consent withdrawn, row soft-deleted) and the consent
 * history stays as proof of what was consented to, without client addresses or user agents.
 */
public class ProfileEraser implements UserDataEraser, Ordered {

	private final ProfileService profiles;

	public ProfileEraser(ProfileService profiles) {
		Assert.notNull(profiles, "profiles cannot be null");
		this.profiles = profiles;
	}

	@Override
	public void erase(ErasureContext context) {
		this.profiles.eraseForUser(context.userId());
	}

	@Override
	public int getOrder() {
		return PersonalDataOrder.PROFILE;
	}

}
