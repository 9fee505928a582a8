package io.myuser.account;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.myuser.support.ClientInfo;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Creates and looks up user accounts. Registration, verification and password flows build on it.
 */
public class UserAccountService {

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final OneTimeTokenRepository oneTimeTokens;

	public UserAccountService(UserRepository users, OneTimeTokenRepository oneTimeTokens,
			PasswordEncoder passwordEncoder, ApplicationEventPublisher events, Clock clock) {
		Assert.notNull(users, "users cannot be null");
		Assert.notNull(oneTimeTokens, "oneTimeTokens cannot be null");
		this.oneTimeTokens = oneTimeTokens;
		Assert.notNull(passwordEncoder, "passwordEncoder cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Create an account and publish {@link AccountCreated} in the same transaction.
	 * @param newUser what the account holds
	 * @param client who creates it
	 * @return the new account
	 * @throws EmailAlreadyRegisteredException if a live account already uses the address
	 */
	@Transactional
	public User createUser(NewUser newUser, ClientInfo client) {
		Assert.notNull(newUser, "newUser cannot be null");
		Assert.notNull(client, "client cannot be null");
		if (this.users.existsByEmailCanonical(EmailAddresses.canonicalize(newUser.email()))) {
			throw new EmailAlreadyRegisteredException();
		}
		String hash = (newUser.rawPassword() != null) ? this.passwordEncoder.encode(newUser.rawPassword()) : null;
		User user = new User(newUser.email(), hash, newUser.firstName(), newUser.lastName(), this.clock.instant());
		user.setEmailVerified(newUser.emailVerified());
		user.setStaff(newUser.staff());
		try {
			this.users.saveAndFlush(user);
		}
		catch (DataIntegrityViolationException ex) {
			// Another request registered the same address between the check and the insert.
			throw new EmailAlreadyRegisteredException();
		}
		this.events.publishEvent(new AccountCreated(user.getId(), user.getEmail(), client));
		return user;
	}

	/**
	 * Find a live account by id.
	 * @param userId the id
	 * @return the account, if it exists and is not deleted
	 */
	@Transactional(readOnly = true)
	public Optional<User> findById(UUID userId) {
		Assert.notNull(userId, "userId cannot be null");
		return this.users.findById(userId);
	}

	/**
	 * Find a live account by email, compared case-insensitively.
	 * @param email the address
	 * @return the account, if any
	 */
	@Transactional(readOnly = true)
	public Optional<User> findByEmail(String email) {
		Assert.notNull(email, "email cannot be null");
		return this.users.findByEmailCanonical(EmailAddresses.canonicalize(email));
	}

	/**
	 * Switch an account on or off. An inactive account cannot log in, and deactivating one ends its sessions.
	 * @param userId the account
	 * @param active whether it may log in
	 */
	@Transactional
	public void setActive(UUID userId, boolean active) {
		this.users.findById(userId).ifPresent((user) -> {
			boolean wasActive = user.isActive();
			user.setActive(active);
			if (wasActive && !active) {
				this.events.publishEvent(new AccountDisabled(userId, false));
			}
		});
	}

	/**
	 * Soft-delete an account, freeing its email address for a new registration and ending its sessions.
	 * @param userId the account
	 */
	@Transactional
	public void softDelete(UUID userId) {
		this.users.findById(userId).ifPresent((user) -> {
			user.softDelete(this.clock.instant());
			this.events.publishEvent(new AccountDisabled(userId, true));
		});
	}

	/**
	 * Erase an account: its address, names, password and last login are removed, its one-time tokens deleted, and
	 * it is soft-deleted, which frees the address for a new registration and ends its sessions
	 * ({@link AccountDisabled}). The row stays, naming no one, so that what refers to it by id keeps working.
	 * @param userId the account
	 * @return whether a live account was erased
	 */
	@Transactional
	public boolean erase(UUID userId) {
		Assert.notNull(userId, "userId cannot be null");
		Optional<User> found = this.users.findById(userId);
		if (found.isEmpty()) {
			return false;
		}
		found.get().erase(this.clock.instant());
		this.users.flush();
		this.oneTimeTokens.deleteAllByUserIdIncludingDeleted(userId);
		this.events.publishEvent(new AccountDisabled(userId, true));
		return true;
	}

}
