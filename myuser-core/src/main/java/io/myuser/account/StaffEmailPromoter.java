package io.myuser.account;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.myuser.support.persistence.RetryingTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Makes the first staff accounts without a database shell: live accounts whose address is on a configured list
 * become staff once that address is verified. Addresses are compared as the account feature compares them
 * ({@link EmailAddresses#canonicalize}). It happens when the application starts (for accounts already verified),
 * when an address is verified, and when an account is created with a verified address (a social login).
 * <p>
 * Every promotion takes the account's lock and changes nothing when the account is staff already, so nodes
 * starting together, or a start racing a verification, promote an account once. The list only ever promotes: an
 * account demoted while its address is still listed becomes staff again at the next start or verification, so
 * take the address off the list first. Each promotion is logged at INFO with the account's id (never its address).
 */
public class StaffEmailPromoter {

	private static final Logger logger = LoggerFactory.getLogger(StaffEmailPromoter.class);

	private final UserRepository users;

	private final RetryingTransactions transactions;

	private final Set<String> canonicalEmails;

	/**
	 * Create a promoter.
	 * @param users where accounts are stored
	 * @param transactionManager runs the promotions at startup
	 * @param staffEmails the addresses whose accounts become staff
	 */
	public StaffEmailPromoter(UserRepository users, PlatformTransactionManager transactionManager,
			Collection<String> staffEmails) {
		Assert.notNull(users, "users cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(staffEmails, "staffEmails cannot be null");
		Set<String> canonical = new LinkedHashSet<>();
		for (String email : staffEmails) {
			Assert.isTrue(StringUtils.hasText(email), "staffEmails cannot contain an empty address");
			canonical.add(EmailAddresses.canonicalize(email));
		}
		this.users = users;
		this.transactions = new RetryingTransactions(transactionManager);
		this.canonicalEmails = Set.copyOf(canonical);
	}

	/**
	 * Promote the verified accounts of the listed addresses, once the application context is ready (the schema is
	 * migrated by then).
	 * @param event the refresh of the context
	 */
	@EventListener
	public void onContextRefreshed(ContextRefreshedEvent event) {
		promoteVerifiedAccounts();
	}

	/**
	 * Promote the verified accounts of the listed addresses, each in a transaction of its own.
	 * @return how many accounts became staff
	 */
	public int promoteVerifiedAccounts() {
		int promoted = 0;
		for (String email : this.canonicalEmails) {
			boolean changed = this.transactions.execute(() -> {
				Optional<UUID> id = this.users.findByEmailCanonical(email).map(User::getId);
				return id.isPresent() && promoteLocked(id.get());
			});
			if (changed) {
				promoted++;
			}
		}
		return promoted;
	}

	/**
	 * Promote an account whose address was just verified, in the verifying transaction (which holds its lock).
	 * @param event the verification
	 */
	@EventListener
	public void onEmailVerified(AccountEvents.EmailVerified event) {
		if (isListed(event.email())) {
			promoteLocked(event.userId());
		}
	}

	/**
	 * Promote an account created with a verified, listed address, in the creating transaction.
	 * @param event the creation
	 */
	@EventListener
	public void onAccountCreated(AccountCreated event) {
		if (isListed(event.email())) {
			promoteLocked(event.userId());
		}
	}

	private boolean isListed(String email) {
		return this.canonicalEmails.contains(EmailAddresses.canonicalize(email));
	}

	/** Lock the account and make it staff when it is live, verified, listed under its current address. */
	private boolean promoteLocked(UUID userId) {
		Optional<User> locked = this.users.lockLive(userId);
		if (locked.isEmpty()) {
			return false;
		}
		User user = locked.get();
		if (user.isStaff() || !user.isEmailVerified() || !isListed(user.getEmail())) {
			return false;
		}
		user.setStaff(true);
		logger.info("Account {} is staff now: its verified address is listed in myuser.admin.staff-emails",
				user.getId());
		return true;
	}

}
