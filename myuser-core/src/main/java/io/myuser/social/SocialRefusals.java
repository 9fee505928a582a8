package io.myuser.social;

import io.myuser.support.RefusedException;
import io.myuser.support.RefusedException.Reason;

/**
 * The refusals of social login and connected accounts, each with its stable code (see {@code docs/errors.md}).
 */
public final class SocialRefusals {

	private SocialRefusals() {
	}

	/**
	 * No such provider is configured: 404.
	 * @return the refusal
	 */
	public static RefusedException unknownProvider() {
		return new RefusedException(Reason.NOT_FOUND, "social-provider-not-found", "Provider not found",
				"No social provider of this name is configured.");
	}

	/**
	 * The identity's address belongs to an account, which may not be linked automatically: 400.
	 * @return the refusal
	 */
	public static RefusedException connectRequired() {
		return new RefusedException(Reason.INVALID_INPUT, "social-connect-required", "Connect the account first",
				"An account uses this email address. Log in to it with its password, then connect this provider "
						+ "from the account's settings.");
	}

	/**
	 * The provider gave no usable address for a new account: 400.
	 * @return the refusal
	 */
	public static RefusedException emailMissing() {
		return new RefusedException(Reason.INVALID_INPUT, "social-email-missing", "Email address missing",
				"The provider did not share an email address; allow it to, or register with a password.");
	}

	/**
	 * No account has the identity's address, and new accounts cannot be created: 400.
	 * @return the refusal
	 */
	public static RefusedException signUpClosed() {
		return new RefusedException(Reason.INVALID_INPUT, "social-sign-up-closed", "Sign-up closed",
				"No account is connected to this provider account, and new accounts cannot be created here.");
	}

	/**
	 * The identity is connected to another account: 400.
	 * @return the refusal
	 */
	public static RefusedException identityTaken() {
		return new RefusedException(Reason.INVALID_INPUT, "social-account-taken", "Connected to another account",
				"This provider account is already connected to another user.");
	}

	/**
	 * The caller already has another identity at the provider: 400.
	 * @return the refusal
	 */
	public static RefusedException providerAlreadyConnected() {
		return new RefusedException(Reason.INVALID_INPUT, "social-provider-already-connected",
				"Provider already connected",
				"Another account at this provider is already connected; disconnect it first.");
	}

	/**
	 * The caller has no identity at the provider: 404.
	 * @return the refusal
	 */
	public static RefusedException notConnected() {
		return new RefusedException(Reason.NOT_FOUND, "social-account-not-connected", "Not connected",
				"No account at this provider is connected.");
	}

	/**
	 * Disconnecting would leave the account with no way to log in: 400.
	 * @return the refusal
	 */
	public static RefusedException lastLoginMethod() {
		return new RefusedException(Reason.INVALID_INPUT, "last-login-method", "Last way to log in",
				"This is the account's only way to log in: set a password (through a password reset) or connect "
						+ "another provider first.");
	}

}
