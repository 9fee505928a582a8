package io.myuser.token;

import java.util.UUID;

/**
 * An access and refresh token issued together, with the session they belong to.
 *
 * @param access the access token
 * @param refresh the refresh token
 * @param sessionId the session
 */
public record TokenPair(String access, String refresh, UUID sessionId) {
}
