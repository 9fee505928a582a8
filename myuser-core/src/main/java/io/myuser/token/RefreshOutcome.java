package io.myuser.token;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a refresh: a new access token, and a new refresh token when rotation is on.
 *
 * @param access the new access token
 * @param refresh the new refresh token, or {@code null} when rotation is off
 */
public record RefreshOutcome(String access, @Nullable String refresh) {
}
