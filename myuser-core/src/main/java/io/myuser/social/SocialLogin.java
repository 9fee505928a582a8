package io.myuser.social;

import java.util.UUID;

import io.myuser.token.TokenPair;

/**
 * A successful social login: the new session's tokens and who logged in.
 *
 * @param tokens the tokens
 * @param userId the account
 * @param email its address
 * @param firstName its first name
 * @param lastName its last name
 */
public record SocialLogin(TokenPair tokens, UUID userId, String email, String firstName, String lastName) {

	@Override
	public String toString() {
		return "SocialLogin[" + this.userId + "]";
	}

}
