package io.myuser.social;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of a successful social login: the tokens (repeated under the {@code _token} names older clients of the
 * original read) and who logged in.
 *
 * @param access the access token
 * @param refresh the refresh token
 * @param accessToken the access token again
 * @param refreshToken the refresh token again
 * @param user who logged in
 */
public record SocialLoginResponse(String access, String refresh, @JsonProperty("access_token") String accessToken,
		@JsonProperty("refresh_token") String refreshToken, LoggedInUser user) {

	/**
	 * The body of a login.
	 * @param login the login
	 * @return its body
	 */
	public static SocialLoginResponse of(SocialLogin login) {
		return new SocialLoginResponse(login.tokens().access(), login.tokens().refresh(), login.tokens().access(),
				login.tokens().refresh(),
				new LoggedInUser(login.userId(), login.email(), login.firstName(), login.lastName()));
	}

	@Override
	public String toString() {
		// Never the tokens: answers are logged by Spring MVC at DEBUG and TRACE.
		return "SocialLoginResponse[user=" + this.user.id() + "]";
	}

	/**
	 * Who logged in.
	 *
	 * @param id the account
	 * @param email its address
	 * @param firstName its first name
	 * @param lastName its last name
	 */
	public record LoggedInUser(UUID id, String email, @JsonProperty("first_name") String firstName,
			@JsonProperty("last_name") String lastName) {

	}

}
