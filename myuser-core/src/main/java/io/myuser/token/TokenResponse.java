package io.myuser.token;

/**
 * Body of a successful login.
 *
 * @param access the access token
 * @param refresh the refresh token
 */
public record TokenResponse(String access, String refresh) {
}
