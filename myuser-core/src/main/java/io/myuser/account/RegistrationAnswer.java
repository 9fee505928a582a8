package io.myuser.account;

import org.springframework.util.Assert;

/**
 * Body of a registration's 201: a message when the account still has to verify its address (or logs in as usual),
 * or the new session's tokens when registration logs in ({@code myuser.account.email-verification=none}). Sealed,
 * so MyUser's OpenAPI document lists both shapes.
 */
public sealed interface RegistrationAnswer permits RegistrationAnswer.Registered, RegistrationLogin.Tokens {

	/**
	 * The account was created (or the address was taken: the answer is the same); no tokens.
	 *
	 * @param detail the message
	 */
	record Registered(String detail) implements RegistrationAnswer {

		public Registered {
			Assert.hasText(detail, "detail cannot be empty");
		}

	}

}
