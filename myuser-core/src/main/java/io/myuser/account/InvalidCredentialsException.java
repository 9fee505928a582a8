package io.myuser.account;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a login fails, for whatever reason: unknown address, wrong password, inactive account or an account
 * without a password. The reason and the user id stay on the server (audit log); clients get one message.
 */
public class InvalidCredentialsException extends RuntimeException {

	private final @Nullable UUID userId;

	private final String reason;

	public InvalidCredentialsException(@Nullable UUID userId, String reason) {
		super("Invalid credentials");
		this.userId = userId;
		this.reason = reason;
	}

	/**
	 * Return the account the attempt named, if one exists.
	 * @return the user id, or {@code null}
	 */
	public @Nullable UUID getUserId() {
		return this.userId;
	}

	/**
	 * Return why the attempt failed, for the audit log only.
	 * @return a short reason code
	 */
	public String getReason() {
		return this.reason;
	}

}
