package io.myuser.account;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether a new password is acceptable. A replaceable strategy.
 */
public interface PasswordPolicy {

	/**
	 * Check a new password.
	 * @param password the password
	 * @param email the account's email address, if known
	 * @return human-readable reasons it is refused; empty when it is acceptable
	 */
	List<String> violations(String password, @Nullable String email);

}
