package io.myuser.account;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.myuser.support.persistence.RetryingTransactions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * Checks an email and password in two steps. {@link #check} reads the account and compares the password without
 * holding a transaction or a lock (a password hash is slow on purpose); every failing attempt costs one password
 * hash, whether or not the address is registered, so response times do not tell registered addresses apart.
 * {@link #confirm}, in the login's transaction, locks the account row and makes sure it is still live, active and
 * has the password that was checked: a login racing an erasure, a deactivation or a password change either
 * finishes before it (and is then ended by it) or fails like a wrong password.
 */
public class PasswordAuthenticator {

	private static final Logger logger = LoggerFactory.getLogger(PasswordAuthenticator.class);

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final RetryingTransactions transactions;

	private final Supplier<String> dummyHash;

	public PasswordAuthenticator(UserRepository users, PasswordEncoder passwordEncoder,
			PlatformTransactionManager transactionManager, Clock clock) {
		Assert.notNull(users, "users cannot be null");
		Assert.notNull(passwordEncoder, "passwordEncoder cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.transactions = new RetryingTransactions(transactionManager);
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
	 * Check a login's email and password, outside any transaction.
	 * @param email the address entered
	 * @param rawPassword the password entered
	 * @return the account the password opens, as it was read
	 * @throws InvalidCredentialsException if the login fails, for any reason
	 */
	public CheckedPassword check(String email, String rawPassword) {
		Assert.notNull(email, "email cannot be null");
		Assert.notNull(rawPassword, "rawPassword cannot be null");
		Optional<CheckedPassword> found = this.transactions.read(() -> this.users
			.findByEmailCanonical(EmailAddresses.canonicalize(email))
			.map((user) -> new CheckedPassword(user.getId(), user.getEmail(), user.getPasswordHash(),
					user.isActive(), user.isEmailVerified())));
		if (found.isEmpty()) {
			this.passwordEncoder.matches(rawPassword, this.dummyHash.get());
			throw new InvalidCredentialsException(null, "unknown_email");
		}
		CheckedPassword account = found.get();
		@Nullable String hash = account.passwordHash();
		if (hash == null) {
			this.passwordEncoder.matches(rawPassword, this.dummyHash.get());
			throw new InvalidCredentialsException(account.userId(), "no_password");
		}
		if (!matches(rawPassword, hash)) {
			throw new InvalidCredentialsException(account.userId(), "wrong_password");
		}
		if (!account.active()) {
			throw new InvalidCredentialsException(account.userId(), "inactive");
		}
		return account;
	}

	/**
	 * Return a new hash of a checked password when its stored hash uses an outdated algorithm or strength. Call it
	 * outside any transaction, once the login is known to go ahead.
	 * @param checked the checked account
	 * @param rawPassword the password that was checked
	 * @return the new hash, or {@code null} when the stored one is current
	 */
	public @Nullable String upgradedHash(CheckedPassword checked, String rawPassword) {
		String hash = checked.passwordHash();
		return (hash != null && this.passwordEncoder.upgradeEncoding(hash)) ? this.passwordEncoder.encode(rawPassword)
				: null;
	}

	/**
	 * Confirm a checked login in the caller's transaction: lock the account row, make sure the account is still
	 * live and active and still has the password that was checked, record the login time and store an upgraded
	 * hash.
	 * @param checked what {@link #check} returned
	 * @param upgradedHash a new hash of the password, or {@code null}
	 * @return the account
	 * @throws InvalidCredentialsException if the account was erased, deactivated or given another password since
	 * the check
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public AuthenticatedAccount confirm(CheckedPassword checked, @Nullable String upgradedHash) {
		Assert.notNull(checked, "checked cannot be null");
		User user = this.users.lockLive(checked.userId())
			.orElseThrow(() -> new InvalidCredentialsException(checked.userId(), "account_gone"));
		if (!user.isActive()) {
			throw new InvalidCredentialsException(user.getId(), "inactive");
		}
		if (user.getPasswordHash() == null || !user.getPasswordHash().equals(checked.passwordHash())) {
			throw new InvalidCredentialsException(user.getId(), "password_changed");
		}
		if (upgradedHash != null) {
			user.changePasswordHash(upgradedHash);
		}
		user.recordLogin(this.clock.instant());
		return new AuthenticatedAccount(user.getId(), user.getEmail(), user.isEmailVerified());
	}

	/**
	 * An account whose password a login entered correctly, as it was read before the login's transaction.
	 *
	 * @param userId the account
	 * @param email its address
	 * @param passwordHash the hash the password was checked against
	 * @param active whether it was active
	 * @param emailVerified whether its address was verified
	 */
	public record CheckedPassword(UUID userId, String email, @Nullable String passwordHash, boolean active,
			boolean emailVerified) {

		@Override
		public String toString() {
			return "CheckedPassword[" + this.userId + "]";
		}

	}

}
