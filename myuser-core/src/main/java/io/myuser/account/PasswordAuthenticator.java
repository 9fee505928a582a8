package io.myuser.account;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * Checks an email and password. Every failing attempt costs one password hash, whether or not the address is
 * registered, so response times do not tell registered addresses apart. A successful check records the login
 * time and re-hashes the password when the stored hash uses an outdated algorithm or strength.
 */
public class PasswordAuthenticator {

	private static final Logger logger = LoggerFactory.getLogger(PasswordAuthenticator.class);

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final Supplier<String> dummyHash;

	public PasswordAuthenticator(UserRepository users, PasswordEncoder passwordEncoder, Clock clock) {
		Assert.notNull(users, "users cannot be null");
		Assert.notNull(passwordEncoder, "passwordEncoder cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.dummyHash = SingletonSupplier.of(() -> passwordEncoder.encode("myuser-timing-equaliser"));
	}

	private boolean matches(String rawPassword, String hash) {
		try {
			return this.passwordEncoder.matches(rawPassword, hash);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			// A stored hash no encoder understands (no "{id}" prefix, unknown id), or input the hasher cannot encode:
			// the login fails like any other.
			logger.warn("Stored password hash has an unknown format; the login is refused: {}", ex.getMessage());
			this.passwordEncoder.matches(rawPassword, this.dummyHash.get());
			return false;
		}
	}

	/**
	 * Check a login.
	 * @param email the address entered
	 * @param rawPassword the password entered
	 * @return the account
	 * @throws InvalidCredentialsException if the login fails, for any reason
	 */
	@Transactional
	public AuthenticatedAccount authenticate(String email, String rawPassword) {
		Assert.notNull(email, "email cannot be null");
		Assert.notNull(rawPassword, "rawPassword cannot be null");
		Optional<User> found = this.users.findByEmailCanonical(EmailAddresses.canonicalize(email));
		if (found.isEmpty()) {
			this.passwordEncoder.matches(rawPassword, this.dummyHash.get());
			throw new InvalidCredentialsException(null, "unknown_email");
		}
		User user = found.get();
		@Nullable String hash = user.getPasswordHash();
		if (hash == null) {
			this.passwordEncoder.matches(rawPassword, this.dummyHash.get());
			throw new InvalidCredentialsException(user.getId(), "no_password");
		}
		if (!matches(rawPassword, hash)) {
			throw new InvalidCredentialsException(user.getId(), "wrong_password");
		}
		if (!user.isActive()) {
			throw new InvalidCredentialsException(user.getId(), "inactive");
		}
		if (this.passwordEncoder.upgradeEncoding(hash)) {
			user.changePasswordHash(this.passwordEncoder.encode(rawPassword));
		}
		user.recordLogin(this.clock.instant());
		return new AuthenticatedAccount(user.getId(), user.getEmail(), user.isEmailVerified());
	}

}
