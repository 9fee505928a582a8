package io.myuser.account;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * Checks that a logged-in user knows their current password, before an action that needs proof of presence (the
 * deletion of the account). Every check costs exactly one password hash, like a login: a wrong password, a missing
 * one, an account without a password and a stored hash of unknown format all compare against a hash, so the
 * answer's timing tells nothing. Nothing is written and the password is never kept.
 */
public class PasswordConfirmation {

	/** Compared when no password was given, so a missing password costs a hash too. */
	private static final String MISSING_PLACEHOLDER = "myuser-missing-password";

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final Supplier<String> dummyHash;

	public PasswordConfirmation(UserRepository users, PasswordEncoder passwordEncoder) {
		Assert.notNull(users, "users cannot be null");
		Assert.notNull(passwordEncoder, "passwordEncoder cannot be null");
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.dummyHash = SingletonSupplier.of(() -> passwordEncoder.encode("myuser-timing-equaliser"));
	}

	/**
	 * Check a user's current password.
	 * @param userId the user
	 * @param rawPassword the password the user entered, {@code null} or empty when none was entered
	 * @return the outcome
	 */
	public Outcome confirm(UUID userId, @Nullable String rawPassword) {
		Assert.notNull(userId, "userId cannot be null");
		boolean missing = rawPassword == null || rawPassword.isEmpty();
		String candidate = missing ? MISSING_PLACEHOLDER : rawPassword;
		Optional<User> user = this.users.findById(userId).filter(User::isActive);
		@Nullable String hash = user.map(User::getPasswordHash).orElse(null);
		if (hash == null) {
			this.passwordEncoder.matches(candidate, this.dummyHash.get());
			return user.isPresent() ? Outcome.NO_PASSWORD : Outcome.NO_ACCOUNT;
		}
		boolean matches = matches(candidate, hash);
		if (missing) {
			return Outcome.MISSING;
		}
		return matches ? Outcome.CONFIRMED : Outcome.WRONG;
	}

	private boolean matches(String rawPassword, String hash) {
		try {
			return this.passwordEncoder.matches(rawPassword, hash);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			// A stored hash no encoder understands: refused like a wrong password, at the same cost.
			this.passwordEncoder.matches(rawPassword, this.dummyHash.get());
			return false;
		}
	}

	/**
	 * What a check found.
	 */
	public enum Outcome {

		/** The password is the user's current one. */
		CONFIRMED,
		/** No password was given, and the account has one. */
		MISSING,
		/** The password is not the user's. */
		WRONG,
		/** The account has no password (it signs in through a social provider only); any password given is ignored. */
		NO_PASSWORD,
		/** The account no longer exists or is inactive. */
		NO_ACCOUNT

	}

}
