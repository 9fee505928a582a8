package io.myuser.token;

/**
 * Body of a successful login.
 *
 * @param access the access token
 * @param refresh the refresh token
 */
public record TokenResponse(String access, String refresh) {

	@Override
	public String toString() {
		// Never the tokens: answers are logged by Spring MVC at DEBUG and TRACE.
		return "TokenResponse[…]";
	}

}
