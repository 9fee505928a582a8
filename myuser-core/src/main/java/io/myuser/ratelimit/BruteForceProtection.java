package io.myuser.ratelimit;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How failed logins are slowed down ({@code myuser.rate-limit.brute-force.*}): failures count per address and
 * client IP together and per address alone, each with growing, always temporary waits. A client IP from which the
 * account logged in within {@code knownClientWindow} is spared the per-address waits (and has a login budget of
 * its own), so that a flood of wrong passwords from elsewhere does not lock the owner out.
 *
 * @param perAddressAndIp waits of one client guessing one address
 * @param perAddress waits of one address guessed from clients it never logged in from
 * @param knownClientWindow how recent a login from a client IP must be for the IP to count as the owner's
 * @param alertOwner whether the owner of an account is told by email when its logins are first slowed down
 */
public record BruteForceProtection(FailureBackoff perAddressAndIp, FailureBackoff perAddress,
		Duration knownClientWindow, boolean alertOwner) {

	/** The scope of failures per address and client IP. */
	public static final String PER_ADDRESS_AND_IP = "login.failures.per-address-ip";

	/** The scope of failures per address. */
	public static final String PER_ADDRESS = "login.failures.per-address";

	public BruteForceProtection {
		Assert.notNull(perAddressAndIp, "perAddressAndIp cannot be null");
		Assert.notNull(perAddress, "perAddress cannot be null");
		Assert.isTrue(knownClientWindow != null && !knownClientWindow.isNegative(),
				"knownClientWindow cannot be negative");
	}

}
