package io.myuser.account;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether a password may be set: at registration, on a password change and on a reset.
 * <p>
 * A <em>replaceable strategy</em>: MyUser's auto-configuration publishes a {@link NistPasswordPolicy} unless the
 * application declares a {@code PasswordPolicy} bean of its own. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface PasswordPolicy {

	/**
	 * Check a password someone wants to set.
	 * @param password the password exactly as entered: not trimmed, not normalised (MyUser hashes its
	 * {@link NormalizingPasswordEncoder#normalize normalised form}, which a policy should judge)
	 * @param email the address of the account, so that passwords made from it can be refused, or {@code null} if
	 * unknown
	 * @return human-readable reasons, in English, why the password is refused; empty if it is acceptable
	 */
	List<String> violations(String password, @Nullable String email);

}
