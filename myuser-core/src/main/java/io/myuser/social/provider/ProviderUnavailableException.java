package io.myuser.social.provider;

import io.myuser.support.RefusedException;

/**
 * A provider did not answer in time, could not be reached, or failed (5xx): the caller's credential could not be
 * checked. Answered 502; nothing was stored.
 */
public class ProviderUnavailableException extends RefusedException {

	public ProviderUnavailableException(String providerId) {
		super(Reason.UPSTREAM_FAILED, "provider-unavailable", "Provider unavailable",
				"The provider " + providerId + " did not answer in time or failed; try again later.");
	}

}
