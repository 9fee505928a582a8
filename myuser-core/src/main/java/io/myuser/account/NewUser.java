package io.myuser.account;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What {@link UserAccountService#createUser} needs to create an account.
 *
 * @param email the email address
 * @param rawPassword the password, or {@code null} for an account that logs in through a social provider only
 * @param firstName the first name, empty when unknown
 * @param lastName the last name, empty when unknown
 * @param emailVerified whether the address is already known to belong to the user
 * @param staff whether the user is staff (an administrator of the host)
 */
public record NewUser(String email, @Nullable String rawPassword, String firstName, String lastName,
		boolean emailVerified, boolean staff) {

	public NewUser {
		Assert.hasText(email, "email cannot be empty");
		firstName = (firstName != null) ? firstName : "";
		lastName = (lastName != null) ? lastName : "";
	}

	/**
	 * A regular user with a password and names left empty.
	 * @param email the address
	 * @param rawPassword the password
	 * @param emailVerified whether the address is verified
	 * @return the description of the user
	 */
	public static NewUser withPassword(String email, String rawPassword, boolean emailVerified) {
		return new NewUser(email, rawPassword, "", "", emailVerified, false);
	}

}
