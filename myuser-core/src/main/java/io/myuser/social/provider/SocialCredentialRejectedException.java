package io.myuser.social.provider;

import io.myuser.support.RefusedException;

/**
 * The provider, or MyUser's checks of what it said, did not accept the caller's credential: unknown, expired or
 * revoked, issued to another application, forged, or used before. Answered 400, the same for every cause.
 */
public class SocialCredentialRejectedException extends RefusedException {

	/** The detail every rejection gets. */
	public static final String DETAIL = "The provider did not accept the credential, or it was not issued to this "
			+ "application.";

	public SocialCredentialRejectedException() {
		super(Reason.INVALID_INPUT, "social-credential-rejected", "Credential rejected", DETAIL);
	}

}
