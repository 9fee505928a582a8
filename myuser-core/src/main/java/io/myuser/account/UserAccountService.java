package io.myuser.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.myuser.support.ClientInfo;
import io.myuser.support.persistence.RetryingTransactions;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
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

	private final EmailLinkTokenRepository emailLinkTokens;

	private final RetryingTransactions transactions;

	/** An id no account has. */
	private static final UUID NO_ACCOUNT = new UUID(0, 0);

	public UserAccountService(UserRepository users, EmailLinkTokenRepository emailLinkTokens,
			PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		Assert.notNull(users, "users cannot be null");
		Assert.notNull(emailLinkTokens, "emailLinkTokens cannot be null");
		Assert.notNull(passwordEncoder, "passwordEncoder cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.users = users;
		this.emailLinkTokens = emailLinkTokens;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.transactions = new RetryingTransactions(transactionManager);
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
	 * Lock the row of a live account until the caller's transaction ends, and return the account as the row holds
	 * it now. Every transaction that changes an account or adds to its data (sessions, profile, requests, audit
	 * rows) takes this lock first, and so does the erasure: whichever of two such transactions comes second sees
	 * what the first committed, and nothing can add to an account once it is erased. See
	 * {@code docs/concurrency.md}.
	 * @param userId the account
	 * @return the account, or empty when there is no live account of that id (never created, soft-deleted or
	 * erased)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<User> lockLive(UUID userId) {
		Assert.notNull(userId, "userId cannot be null");
		return this.users.lockLive(userId);
	}

	/**
	 * Record a login of an account the caller's transaction has locked ({@link #lockLive}), by a way other than its
	 * password (a social provider).
	 * @param user the locked account
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordLogin(User user) {
		Assert.notNull(user, "user cannot be null");
		user.recordLogin(this.clock.instant());
	}

	/**
	 * Lock the row of a live account as {@link #lockLive} does, and return who holds it.
	 * @param userId the account
	 * @return its holder, or empty when there is no live account of that id
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<AccountHolder> lockLiveHolder(UUID userId) {
		return lockLive(userId).map(AccountHolder::of);
	}

	/**
	 * Find who holds a live account, without locking it.
	 * @param userId the account
	 * @return its holder, or empty when there is no live account of that id
	 */
	@Transactional(readOnly = true)
	public Optional<AccountHolder> findLiveHolder(UUID userId) {
		Assert.notNull(userId, "userId cannot be null");
		return this.users.findById(userId).filter((user) -> !user.isDeleted()).map(AccountHolder::of);
	}

	/**
	 * Ask for a verification email on behalf of an unverified account, unless one was asked for within an interval
	 * (a login with the right password before the address is verified). One conditional statement decides, so
	 * that of many logins at the same moment one sends the email. Called with {@code null} it runs the same
	 * statement for no account, so that every failed login costs the same work, whatever the reason it failed.
	 * @param userId the account, or {@code null} for none
	 * @param locale the language of the email
	 * @param interval the least time between two such emails
	 * @return whether an email was asked for ({@link AccountEvents.VerificationEmailRequested} published)
	 */
	public boolean offerVerificationEmail(@Nullable UUID userId, Locale locale, Duration interval) {
		Assert.notNull(locale, "locale cannot be null");
		Assert.notNull(interval, "interval cannot be null");
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		return this.transactions.execute(() -> {
			UUID target = (userId != null) ? userId : NO_ACCOUNT;
			if (this.users.claimVerificationEmail(target, now, now.minus(interval)) != 1) {
				return false;
			}
			User user = this.users.findById(target).orElseThrow();
			this.events.publishEvent(new AccountEvents.VerificationEmailRequested(user.getId(), user.getEmail(),
					locale));
			return true;
		});
	}

	/**
	 * Switch an account on or off. An inactive account cannot log in, and deactivating one ends its sessions in
	 * the same transaction, which holds the account's lock, so a login racing it either ends with it or is refused.
	 * @param userId the account
	 * @param active whether it may log in
	 * @return whether a live account was found (whether or not it changed)
	 */
	public boolean setActive(UUID userId, boolean active) {
		Assert.notNull(userId, "userId cannot be null");
		return this.transactions.execute(() -> this.users.lockLive(userId).map((user) -> {
			boolean wasActive = user.isActive();
			user.setActive(active);
			if (wasActive && !active) {
				this.events.publishEvent(new AccountDisabled(userId, false));
			}
			return true;
		}).orElse(false));
	}

	/**
	 * Read a live account as an administrator sees it, in one query.
	 * @param userId the account
	 * @return the account, if it is live
	 */
	@Transactional(readOnly = true)
	public Optional<AccountSummary> findSummary(UUID userId) {
		Assert.notNull(userId, "userId cannot be null");
		return this.users.findSummaryById(userId);
	}

	/**
	 * Find live accounts by the start of their address, compared as addresses are (case-insensitively), in
	 * address order. The characters {@code %} and {@code _} in the prefix are matched as themselves.
	 * @param emailPrefix the start of the address; empty for every account
	 * @param page the page, from 0
	 * @param size the page size
	 * @return the page, with the number of matching accounts
	 */
	@Transactional(readOnly = true)
	public Page<AccountSummary> searchByEmailPrefix(String emailPrefix, int page, int size) {
		Assert.notNull(emailPrefix, "emailPrefix cannot be null");
		Assert.isTrue(page >= 0, "page must not be negative");
		Assert.isTrue(size > 0, "size must be positive");
		String prefix = emailPrefix.isBlank() ? "" : EmailAddresses.canonicalize(emailPrefix);
		String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return this.users.findSummariesByEmailCanonicalLike(pattern, PageRequest.of(page, size));
	}

	/**
	 * Tell whether an account is active staff as its row says now, whatever its access token carries.
	 * @param userId the account
	 * @return whether it is live, active and staff
	 */
	@Transactional(readOnly = true)
	public boolean isActiveStaff(UUID userId) {
		Assert.notNull(userId, "userId cannot be null");
		return this.users.existsByIdAndStaffTrueAndActiveTrue(userId);
	}

	/**
	 * Make an account staff or take the flag away. Staff accounts get the admin authority on the access tokens
	 * issued to them from then on; tokens issued before keep what they carry until they expire, so a demotion
	 * shows at the session's next refresh at the latest. Takes the account's lock.
	 * @param userId the account
	 * @param staff whether it is staff
	 * @return whether a live account changed
	 */
	public boolean setStaff(UUID userId, boolean staff) {
		Assert.notNull(userId, "userId cannot be null");
		return this.transactions.execute(() -> this.users.lockLive(userId).map((user) -> {
			boolean changed = user.isStaff() != staff;
			user.setStaff(staff);
			return changed;
		}).orElse(false));
	}

	/**
	 * Soft-delete an account, freeing its email address for a new registration and ending its sessions.
	 * @param userId the account
	 */
	public void softDelete(UUID userId) {
		Assert.notNull(userId, "userId cannot be null");
		this.transactions.executeWithoutResult(() -> this.users.lockLive(userId).ifPresent((user) -> {
			user.softDelete(this.clock.instant());
			this.events.publishEvent(new AccountDisabled(userId, true));
		}));
	}

	/**
	 * Erase an account: its address, names, password and last login are removed, its one-time tokens deleted, and
	 * it is soft-deleted, which frees the address for a new registration and ends its sessions
	 * ({@link AccountDisabled}). The row stays, naming no one, so that what refers to it by id keeps working.
	 * Takes the account's lock (or finds it already held by the caller's transaction).
	 * @param userId the account
	 * @return whether a live account was erased
	 */
	public boolean erase(UUID userId) {
		Assert.notNull(userId, "userId cannot be null");
		return this.transactions.execute(() -> {
			Optional<User> found = this.users.lockLive(userId);
			if (found.isEmpty()) {
				return false;
			}
			found.get().erase(this.clock.instant());
			this.users.flush();
			this.emailLinkTokens.deleteAllByUserIdIncludingDeleted(userId);
			this.events.publishEvent(new AccountDisabled(userId, true));
			return true;
		});
	}

}
