package io.myuser.token;

import java.util.UUID;

import io.myuser.account.AccountEvents;
import io.myuser.account.User;
import io.myuser.account.UserAccountService;
import io.myuser.ratelimit.BruteForceProtection;
import io.myuser.ratelimit.RateLimit;
import io.myuser.ratelimit.RateLimitDecision;
import io.myuser.ratelimit.RateLimitKey;
import io.myuser.ratelimit.RateLimitKeys;
import io.myuser.ratelimit.RateLimitScopes;
import io.myuser.ratelimit.RateLimitStoreException;
import io.myuser.ratelimit.RateLimitedException;
import io.myuser.ratelimit.RateLimits;
import io.myuser.session.SessionService;
import io.myuser.support.ClientInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.Assert;

/**
 * Slows password guessing down without letting anyone lock the owner out. Before the password is checked, an
 * attempt spends the address's login budget ({@code login.per-account}) and is refused while its failures make it
 * wait; after a wrong password it counts a failure. Known and unknown addresses go through exactly the same steps.
 * <p>
 * A client IP from which the account logged in recently is the owner's: while the address is pressed (its budget
 * more than half spent, or wrong passwords counted for it), that client spends a budget of its own instead of the
 * address's, and only its own failures make it wait. Everyone else shares the address's budget and also waits
 * for the address's failures. A right password forgets the client's failures (never the per-IP budgets); a
 * completed password reset forgets the address's.
 * <p>
 * An attempt whose client IP is unknown (a connection without one, or a login started outside a request) spends
 * the address's budget and counts and waits for the address's failures like any client the account never logged
 * in from; only the tracks of an address with an IP are skipped.
 */
public class LoginThrottle {

	private static final Logger logger = LoggerFactory.getLogger(LoginThrottle.class);

	private static final LoginThrottle DISABLED = new LoginThrottle();

	private static final String THROTTLED_SCOPE = "login.throttled-notice";

	private static final RateLimit ONCE_A_DAY = new RateLimit(1, java.time.Duration.ofDays(1));

	private final RateLimits rateLimits;

	private final @Nullable RateLimitKeys keys;

	private final @Nullable BruteForceProtection protection;

	private final @Nullable UserAccountService accounts;

	private final @Nullable SessionService sessions;

	private final @Nullable ApplicationEventPublisher events;

	/**
	 * Creates the throttle.
	 * @param rateLimits the budgets
	 * @param protection the failure waits, or {@code null} to count no failures
	 * @param accounts finds the account of an address
	 * @param sessions tells whether the account logged in from a client IP; {@code null} treats no IP as known
	 * @param events publishes {@link LoginThrottled}
	 */
	public LoginThrottle(RateLimits rateLimits, @Nullable BruteForceProtection protection,
			UserAccountService accounts, @Nullable SessionService sessions, ApplicationEventPublisher events) {
		Assert.notNull(rateLimits, "rateLimits cannot be null");
		Assert.notNull(accounts, "accounts cannot be null");
		Assert.notNull(events, "events cannot be null");
		this.rateLimits = rateLimits;
		this.keys = rateLimits.keys();
		this.protection = (this.keys != null) ? protection : null;
		this.accounts = accounts;
		this.sessions = sessions;
		this.events = events;
	}

	private LoginThrottle() {
		this.rateLimits = RateLimits.disabled();
		this.keys = null;
		this.protection = null;
		this.accounts = null;
		this.sessions = null;
		this.events = null;
	}

	/**
	 * A throttle that limits nothing, while rate limiting is off.
	 * @return the throttle
	 */
	public static LoginThrottle disabled() {
		return DISABLED;
	}

	/**
	 * Before the password is checked: spends the login budget of the address (or of the owner's client) and
	 * refuses the attempt while it must wait.
	 * @param email the submitted address
	 * @param client the client
	 * @return the attempt, to report its outcome
	 * @throws RateLimitedException if the attempt is refused
	 */
	public Attempt begin(String email, ClientInfo client) {
		if (this.keys == null) {
			return new Attempt(email, null, null, false, false);
		}
		String ip = ipOf(client);
		String scope = RateLimitScopes.LOGIN_PER_ACCOUNT;
		RateLimitKey addressBudget = this.keys.address(scope, email);
		RateLimitKey addressFailures = this.keys.address(BruteForceProtection.PER_ADDRESS, email);
		UUID userId = null;
		boolean known = false;
		if (ip != null && this.protection != null && this.sessions != null
				&& underPressure(scope, addressBudget, addressFailures)) {
			// Someone spends this address's budget or guesses its password: tell the owner's clients apart. Known
			// and unknown addresses take this path alike; only then does a login cost these lookups.
			userId = this.accounts.findByEmail(email).filter(User::isActive).map(User::getId).orElse(null);
			known = userId != null
					&& this.sessions.hasLoggedInFrom(userId, ip, this.protection.knownClientWindow());
		}
		this.rateLimits.spend(scope, known ? this.keys.addressAndIp(scope, email, ip) : addressBudget);
		long clientFailures = 0;
		if (this.protection != null) {
			if (ip != null) {
				clientFailures = this.protection.perAddressAndIp()
					.check(BruteForceProtection.PER_ADDRESS_AND_IP,
							this.keys.addressAndIp(BruteForceProtection.PER_ADDRESS_AND_IP, email, ip));
			}
			if (!known) {
				this.protection.perAddress().check(BruteForceProtection.PER_ADDRESS, addressFailures);
			}
		}
		return new Attempt(email, ip, userId, known, clientFailures > 0);
	}

	/**
	 * Whether the address is being pressed: its login budget is more than half spent, or wrong passwords for it
	 * were counted from clients not told apart. In calm times every client spends the address's budget (the owner
	 * is one of its spenders) and no lookup is needed.
	 */
	private boolean underPressure(String scope, RateLimitKey addressBudget, RateLimitKey addressFailures) {
		RateLimit limit = this.rateLimits.limit(scope);
		RateLimitDecision budget = this.rateLimits.probe(scope, addressBudget);
		if (limit != null && budget != null && budget.remaining() * 2 < limit.capacity()) {
			return true;
		}
		return this.protection.perAddress().failures(addressFailures) > 0;
	}


	/**
	 * The password was wrong (or the account cannot log in): counts a failure, and tells of the first slow-down
	 * of an account.
	 * @param attempt the attempt
	 * @param client the client
	 */
	public void failed(Attempt attempt, ClientInfo client) {
		if (this.protection == null || this.keys == null) {
			return;
		}
		String track = null;
		if (attempt.ip() != null && this.protection.perAddressAndIp()
			.recordFailure(this.keys.addressAndIp(BruteForceProtection.PER_ADDRESS_AND_IP, attempt.email(),
					attempt.ip()))) {
			track = "per-address-ip";
		}
		if (!attempt.knownClient()) {
			boolean firstForAddress = this.protection.perAddress()
				.recordFailure(this.keys.address(BruteForceProtection.PER_ADDRESS, attempt.email()));
			if (firstForAddress) {
				track = "per-address";
			}
		}
		if (track == null) {
			return;
		}
		UUID userId = (attempt.userId() != null) ? attempt.userId()
				: this.accounts.findByEmail(attempt.email()).filter(User::isActive).map(User::getId).orElse(null);
		// One audit row and one alert per account a day, however many clients and tracks cross their thresholds.
		if (userId != null && this.rateLimits.tryOnce(this.keys.user(THROTTLED_SCOPE, userId), ONCE_A_DAY)) {
			this.events.publishEvent(new LoginThrottled(userId, attempt.email(), track, this.protection.alertOwner(),
					client));
		}
	}

	/**
	 * The password was right: the client's failures are forgotten; the budgets stay spent.
	 * @param attempt the attempt
	 */
	public void succeeded(Attempt attempt) {
		if (this.protection == null || this.keys == null || attempt.ip() == null || !attempt.clientFailed()) {
			// Nothing to forget: a login without earlier failures costs the store no further call.
			return;
		}
		this.protection.perAddressAndIp()
			.forget(this.keys.addressAndIp(BruteForceProtection.PER_ADDRESS_AND_IP, attempt.email(), attempt.ip()));
	}

	/**
	 * A completed password reset proves the owner: the address's failures, and those of the client that reset it,
	 * are forgotten, once the reset committed (and outside its transaction, whose connection the store must not
	 * wait beside). The reset is done by then, so this fails open: when the store fails, the forgetting stops at
	 * its first failure, one warning names the account (never the address), and what is left is forgotten as if
	 * no reset had happened, when its waits end.
	 * @param event the change
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	public void onPasswordChanged(AccountEvents.PasswordChanged event) {
		if (!event.reset() || this.protection == null || this.keys == null) {
			return;
		}
		String ip = ipOf(event.client());
		RateLimitKey addressFailures = this.keys.address(BruteForceProtection.PER_ADDRESS, event.email());
		boolean forgotten;
		try {
			// The second track is not tried once the first failed: the store is down.
			forgotten = this.protection.perAddress().forget(addressFailures) && (ip == null
					|| this.protection.perAddressAndIp()
						.forget(this.keys.addressAndIp(BruteForceProtection.PER_ADDRESS_AND_IP, event.email(), ip)));
		}
		catch (RateLimitStoreException ex) {
			// A store not wrapped in its failure policy (a host's own BruteForceProtection).
			forgotten = false;
		}
		if (!forgotten) {
			logger.warn("The password reset of account {} is done, but its failed logins could not be forgotten: the "
					+ "rate-limit store failed. Their waits end by themselves.", event.userId());
		}
	}

	private static @Nullable String ipOf(ClientInfo client) {
		String ip = client.ipAddress();
		return (ip != null && !ip.isBlank()) ? ip : null;
	}

	/**
	 * One login attempt.
	 *
	 * @param email the submitted address
	 * @param ip the client IP, or {@code null} when it is unknown (only the address's budget and failures count)
	 * or nothing is limited
	 * @param userId the active account of the address, if it was looked up (only while the address is pressed)
	 * @param knownClient whether the account logged in from this IP recently
	 * @param clientFailed whether this client had counted failures for the address when the attempt began
	 */
	public record Attempt(String email, @Nullable String ip, @Nullable UUID userId, boolean knownClient,
			boolean clientFailed) {

	}

}
