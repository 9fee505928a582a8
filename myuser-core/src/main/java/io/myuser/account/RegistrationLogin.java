package io.myuser.account;

import java.util.UUID;

import io.myuser.support.ClientInfo;

/**
 * Logs a just-registered account in, for registrations that need no verification
 * ({@code myuser.account.email-verification=none}): the registration answers with the new session's tokens. The
 * token feature contributes the implementation; without one, such a registration answers without tokens and the
 * new account logs in as usual.
 */
@FunctionalInterface
public interface RegistrationLogin {

	/**
	 * Starts a session for the new account.
	 * @param userId the new account
	 * @param client the client that registered
	 * @return the session's access and refresh token
	 */
	Tokens logIn(UUID userId, ClientInfo client);

	/**
	 * The tokens of the new session.
	 *
	 * @param access the access token
	 * @param refresh the refresh token
	 */
	record Tokens(String access, String refresh) implements RegistrationAnswer {

		@Override
		public String toString() {
			return "Tokens[…]";
		}

	}

}
