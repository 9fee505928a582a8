package io.myuser.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.myuser.account.AccountEvents.AccountActivated;
import io.myuser.account.AccountEvents.EmailVerified;
import io.myuser.account.AccountEvents.PasswordChanged;
import io.myuser.account.AccountEvents.PasswordResetRequested;
import io.myuser.account.AccountEvents.RegistrationAttemptedForTakenEmail;
import io.myuser.account.AccountEvents.VerificationEmailRequested;
import io.myuser.account.AccountSettings.EmailVerificationMode;
import io.myuser.support.ClientInfo;
import io.myuser.support.InvalidInputException;
import io.myuser.support.Texts;
import io.myuser.support.persistence.RetryingTransactions;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * The account flows behind the JSON API: registration, email verification, password reset and password change.
 * None of them sends mail or ends sessions itself: each publishes an event in its transaction and the mail and
 * session features react (mail is enqueued in that transaction, so a rollback sends nothing). Answers to
 * anonymous callers never depend on whether an address is registered.
 */
public class AccountFlowService {

	private final UserRepository users;

	private final UserAccountService accounts;

	private final EmailLinkTokenService emailLinkTokens;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final ApplicationEventPublisher events;

	private final AccountSettings settings;

	private final Clock clock;

	private final RetryingTransactions transactions;

	public AccountFlowService(UserRepository users, UserAccountService accounts, EmailLinkTokenService emailLinkTokens,
			PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy, ApplicationEventPublisher events,
			AccountSettings settings, PlatformTransactionManager transactionManager, Clock clock) {
		Assert.notNull(users, "users cannot be null");
		Assert.notNull(accounts, "accounts cannot be null");
		Assert.notNull(emailLinkTokens, "emailLinkTokens cannot be null");
		Assert.notNull(passwordEncoder, "passwordEncoder cannot be null");
		Assert.notNull(passwordPolicy, "passwordPolicy cannot be null");
		Assert.notNull(events, "events cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.transactions = new RetryingTransactions(transactionManager);
		this.users = users;
		this.accounts = accounts;
		this.emailLinkTokens = emailLinkTokens;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	public AccountSettings getSettings() {
		return this.settings;
	}

	/**
	 * Register an account. A taken address gets the same outcome as a new one (its owner gets a notice instead of
	 * a verification email), and costs the same password hash. With verification off there is no such cover:
	 * the caller gets tokens for a new account, so a taken address is refused.
	 * @param email the address
	 * @param password the password (already checked to match its confirmation)
	 * @param firstName the first name
	 * @param lastName the last name
	 * @param locale the language of the emails
	 * @param client who registers
	 * @return the new account, or empty when the address was taken (and verification is on)
	 */
	@Transactional
	public Optional<User> register(String email, String password, String firstName, String lastName, Locale locale,
			ClientInfo client) {
		checkPassword("password1", password, email);
		Optional<User> existing = this.users.findByEmailCanonical(EmailAddresses.canonicalize(email));
		EmailVerificationMode mode = this.settings.emailVerification();
		if (existing.isPresent()) {
			if (mode == EmailVerificationMode.NONE) {
				throw InvalidInputException.forField("email", "A user is already registered with this email address.");
			}
			this.passwordEncoder.encode(password);
			User owner = existing.get();
			this.events.publishEvent(new RegistrationAttemptedForTakenEmail(owner.getId(), owner.getEmail(), locale,
					this.clock.instant(), client));
			return Optional.empty();
		}
		User user;
		try {
			user = this.accounts.createUser(
					new NewUser(email, password, firstName, lastName, mode == EmailVerificationMode.NONE, false), client);
		}
		catch (EmailAlreadyRegisteredException ex) {
			// Registered concurrently: same answer as any taken address.
			return Optional.empty();
		}
		if (mode == EmailVerificationMode.NONE) {
			this.events.publishEvent(new AccountActivated(user.getId(), user.getEmail(), locale));
		}
		else {
			user.markVerificationRequested(this.clock.instant());
			this.events.publishEvent(new VerificationEmailRequested(user.getId(), user.getEmail(), locale));
		}
		return Optional.of(user);
	}

	/**
	 * Create an account for a person who proved an identity at a social provider: no password, the address verified
	 * exactly as the provider says (whatever the verification mode, so that an address no one proved never counts as
	 * proved later), {@link AccountCreated}, then the welcome email for a verified address (or when verification is
	 * off) or the verification email. Joins the caller's transaction.
	 * @param email the address the provider gives
	 * @param emailVerified whether the provider asserts the address is the person's
	 * @param firstName the first name, empty when unknown
	 * @param lastName the last name, empty when unknown
	 * @param locale the language of the emails
	 * @param client who logs in
	 * @return the new account
	 * @throws EmailAlreadyRegisteredException if a live account already uses the address (registered concurrently)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public User registerFromProvider(String email, boolean emailVerified, String firstName, String lastName,
			Locale locale, ClientInfo client) {
		User user = this.accounts.createUser(new NewUser(email, null, providerName(firstName),
				providerName(lastName), emailVerified, false), client);
		if (emailVerified || this.settings.emailVerification() == EmailVerificationMode.NONE) {
			this.events.publishEvent(new AccountActivated(user.getId(), user.getEmail(), locale));
		}
		else {
			user.markVerificationRequested(this.clock.instant());
			this.events.publishEvent(new VerificationEmailRequested(user.getId(), user.getEmail(), locale));
		}
		return user;
	}

	/** A name as a provider gives it, cut to the column, or none when it holds control characters. */
	private static String providerName(String name) {
		String cut = Texts.truncate(name.strip(), User.NAME_MAX_LENGTH);
		return (cut != null && Texts.isClean(cut)) ? cut : "";
	}

	/**
	 * Verify an address with the key from the verification email. The key is used up under the account's lock, so a
	 * verification racing an erasure never marks the erased row.
	 * @param key the key
	 * @param locale the language of the email-confirmed and welcome emails
	 * @param client who verifies
	 * @return whether the key was valid (unknown, used and expired keys are not)
	 */
	public boolean verifyEmail(String key, Locale locale, ClientInfo client) {
		Optional<EmailLinkToken> found = this.emailLinkTokens.find(key, EmailLinkTokenPurpose.EMAIL_VERIFICATION);
		if (found.isEmpty()) {
			return false;
		}
		EmailLinkToken token = found.get();
		return this.transactions.execute(() -> {
			Optional<User> locked = this.users.lockLive(token.getUserId());
			if (locked.isEmpty() || this.emailLinkTokens.consume(key, EmailLinkTokenPurpose.EMAIL_VERIFICATION).isEmpty()) {
				return false;
			}
			User user = locked.get();
			if (!EmailAddresses.canonicalize(user.getEmail()).equals(EmailAddresses.canonicalize(token.getEmail()))) {
				return false;
			}
			if (!user.isEmailVerified()) {
				user.setEmailVerified(true);
				this.events.publishEvent(new EmailVerified(user.getId(), user.getEmail(), locale, client));
				this.events.publishEvent(new AccountActivated(user.getId(), user.getEmail(), locale));
			}
			return true;
		});
	}

	/**
	 * Send the verification email again, if the address belongs to an unverified account. Says nothing either way.
	 * @param email the address
	 * @param locale the language of the email
	 */
	@Transactional
	public void resendVerification(String email, Locale locale) {
		this.users.findHolderByEmailCanonical(EmailAddresses.canonicalize(email))
			.filter((user) -> !user.emailVerified() && user.active())
			.ifPresentOrElse(
					(user) -> this.events.publishEvent(new VerificationEmailRequested(user.id(), user.email(), locale)),
					() -> this.events.publishEvent(new AccountEvents.LinkRequestedForNoAccount(
							EmailAddresses.normalize(email), EmailLinkTokenPurpose.EMAIL_VERIFICATION, locale)));
	}

	/**
	 * Send a password reset email, if the address belongs to an active account. Says nothing either way.
	 * @param email the address
	 * @param locale the language of the email
	 */
	@Transactional
	public void requestPasswordReset(String email, Locale locale) {
		this.users.findHolderByEmailCanonical(EmailAddresses.canonicalize(email))
			.filter(AccountHolder::active)
			.ifPresentOrElse(
					(user) -> this.events.publishEvent(new PasswordResetRequested(user.id(), user.email(), locale)),
					() -> this.events.publishEvent(new AccountEvents.LinkRequestedForNoAccount(
							EmailAddresses.normalize(email), EmailLinkTokenPurpose.PASSWORD_RESET, locale)));
	}

	/**
	 * Set a new password with the token from a reset email; every session of the user ends. The new password is
	 * checked and hashed first; then one transaction locks the account, uses up the token and stores the hash.
	 * @param token the token
	 * @param newPassword the new password (already checked to match its confirmation)
	 * @param locale the language of the alert
	 * @param client who resets
	 * @return whether the token was valid
	 */
	public boolean confirmPasswordReset(String token, String newPassword, Locale locale, ClientInfo client) {
		Optional<EmailLinkToken> found = this.emailLinkTokens.find(token, EmailLinkTokenPurpose.PASSWORD_RESET);
		if (found.isEmpty()) {
			return false;
		}
		UUID userId = found.get().getUserId();
		Optional<User> user = this.accounts.findById(userId).filter(User::isActive);
		if (user.isEmpty()) {
			return false;
		}
		checkPassword("new_password1", newPassword, user.get().getEmail());
		String hash = this.passwordEncoder.encode(newPassword);
		return this.transactions.execute(() -> {
			Optional<User> locked = this.users.lockLive(userId).filter(User::isActive);
			if (locked.isEmpty() || this.emailLinkTokens.consume(token, EmailLinkTokenPurpose.PASSWORD_RESET).isEmpty()) {
				return false;
			}
			setPassword(locked.get(), hash, null, true, locale, client);
			return true;
		});
	}

	/**
	 * Change the password of a logged-in user; every other session of the user ends. The old password is checked
	 * and the new one hashed first; then one transaction locks the account and stores the hash, unless the
	 * password changed meanwhile (then the old password counts as wrong).
	 * @param userId the user
	 * @param currentSessionId the session making the change, which stays
	 * @param oldPassword the current password
	 * @param newPassword the new password (already checked to match its confirmation)
	 * @param locale the language of the alert
	 * @param client who changes it
	 */
	public void changePassword(UUID userId, UUID currentSessionId, String oldPassword, String newPassword,
			Locale locale, ClientInfo client) {
		User user = this.accounts.findById(userId)
			.filter(User::isActive)
			.orElseThrow(AccountFlowService::inactive);
		String hash = user.getPasswordHash();
		if (hash == null || !matches(oldPassword, hash)) {
			throw wrongOldPassword();
		}
		checkPassword("new_password1", newPassword, user.getEmail());
		String newHash = this.passwordEncoder.encode(newPassword);
		this.transactions.executeWithoutResult(() -> {
			User locked = this.users.lockLive(userId).filter(User::isActive).orElseThrow(AccountFlowService::inactive);
			if (!hash.equals(locked.getPasswordHash())) {
				throw wrongOldPassword();
			}
			setPassword(locked, newHash, currentSessionId, false, locale, client);
		});
	}

	private static InvalidInputException inactive() {
		return InvalidInputException.forField("old_password", "Your account is not active.");
	}

	private static InvalidInputException wrongOldPassword() {
		return InvalidInputException.forField("old_password",
				"Your old password was entered incorrectly. Please enter it again.");
	}

	private boolean matches(String raw, String hash) {
		try {
			return this.passwordEncoder.matches(raw, hash);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			return false;
		}
	}

	private void setPassword(User user, String newHash, @Nullable UUID keptSessionId, boolean reset, Locale locale,
			ClientInfo client) {
		user.changePasswordHash(newHash);
		Instant now = this.clock.instant();
		this.events.publishEvent(
				new PasswordChanged(user.getId(), user.getEmail(), keptSessionId, reset, now, locale, client));
	}

	private void checkPassword(String field, String password, @Nullable String email) {
		List<String> violations = this.passwordPolicy.violations(password, email);
		if (!violations.isEmpty()) {
			Map<String, List<String>> errors = new LinkedHashMap<>();
			errors.put(field, new ArrayList<>(violations));
			throw new InvalidInputException(errors);
		}
	}

}
