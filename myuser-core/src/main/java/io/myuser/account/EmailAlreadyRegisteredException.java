package io.myuser.account;

/**
 * Thrown by {@link UserAccountService#createUser} when a live account already uses the address. Never shown to
 * anonymous clients, whose answers must not reveal which addresses are registered.
 */
public class EmailAlreadyRegisteredException extends RuntimeException {

	public EmailAlreadyRegisteredException() {
		super("A live account already uses this email address");
	}

}
