package io.myuser.gdpr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.myuser.account.PasswordConfirmation;
import io.myuser.security.AccountGoneException;
import io.myuser.session.SessionService;
import io.myuser.support.InvalidInputException;
import io.myuser.support.RefusedException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Proof of presence before an account deletion is accepted: the caller gives the account's current password, or,
 * for an account without a password (social login only), its session started within the re-authentication
 * window. A stolen access token alone cannot delete an account. Every check costs one password hash, whatever its
 * outcome; the password is neither kept nor logged.
 */
public class DeletionReauthentication {

	/** The JSON field that carries the password. */
	public static final String PASSWORD_FIELD = "password";

	private final PasswordConfirmation passwords;

	private final SessionService sessions;

	private final Duration window;

	private final Clock clock;

	/**
	 * Create the check.
	 * @param passwords checks current passwords
	 * @param sessions tells when a session started
	 * @param window how recently a password-less account's session must have started
	 * @param clock the clock
	 */
	public DeletionReauthentication(PasswordConfirmation passwords, SessionService sessions, Duration window,
			Clock clock) {
		Assert.notNull(passwords, "passwords cannot be null");
		Assert.notNull(sessions, "sessions cannot be null");
		Assert.isTrue(window != null && window.compareTo(Duration.ZERO) > 0, "window must be positive");
		Assert.notNull(clock, "clock cannot be null");
		this.passwords = passwords;
		this.sessions = sessions;
		this.window = window;
		this.clock = clock;
	}

	/**
	 * Return how recently a password-less account's session must have started.
	 * @return the window
	 */
	public Duration window() {
		return this.window;
	}

	/**
	 * Check that the caller may delete the account now.
	 * @param userId the account
	 * @param sessionId the session of the caller's access token
	 * @param password the password given, or {@code null}
	 * @throws InvalidInputException (400, naming {@code password}) when the account has a password and it was
	 * not given or is wrong
	 * @throws ReauthenticationRequiredException (403) when the account has no password and the session started
	 * before the window
	 * @throws AccountGoneException (401) when the account no longer exists or is inactive
	 */
	public void check(UUID userId, UUID sessionId, @Nullable String password) {
		Assert.notNull(userId, "userId cannot be null");
		Assert.notNull(sessionId, "sessionId cannot be null");
		switch (this.passwords.confirm(userId, password)) {
			case CONFIRMED -> {
			}
			case MISSING -> throw InvalidInputException.forField(PASSWORD_FIELD,
					"Enter your current password to delete your account.");
			case WRONG -> throw InvalidInputException.forField(PASSWORD_FIELD,
					"Your password was entered incorrectly. Please enter it again.");
			case NO_ACCOUNT -> throw new AccountGoneException();
			case NO_PASSWORD -> {
				Optional<Instant> started = this.sessions.startedAt(sessionId);
				Instant now = this.clock.instant();
				if (started.isEmpty() || started.get().isBefore(now.minus(this.window))) {
					throw new ReauthenticationRequiredException(this.window);
				}
			}
		}
	}

	/**
	 * The account has no password and the caller's session is older than the re-authentication window: the user
	 * must sign in again (for example through their social provider) and retry at once.
	 */
	public static class ReauthenticationRequiredException extends RefusedException {

		public ReauthenticationRequiredException(Duration window) {
			super(Reason.FORBIDDEN, "reauthentication-required", "Recent sign-in required",
					"Sign in again, then ask for the deletion within " + describe(window) + " of signing in.");
			setProperty("reauthentication_window_seconds", window.toSeconds());
		}

		private static String describe(Duration window) {
			long minutes = window.toMinutes();
			if (minutes > 0 && window.equals(Duration.ofMinutes(minutes))) {
				return minutes + ((minutes == 1) ? " minute" : " minutes");
			}
			return window.toSeconds() + " seconds";
		}

	}

}
