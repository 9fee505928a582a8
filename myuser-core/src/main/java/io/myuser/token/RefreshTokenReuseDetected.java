package io.myuser.token;

import java.util.UUID;

import io.myuser.support.ClientInfo;

/**
 * Published when a refresh token that was already rotated is presented again (to refresh, after the grace period
 * or from another client, or to {@code token/verify/}): someone else may hold a copy, so the whole session (token
 * family) has been revoked (audited as {@code SUSPICIOUS_ACTIVITY} through
 * {@link io.myuser.session.SessionRevoked}). Published once per session, in the transaction that revoked it;
 * MyUser's mail feature alerts the user.
 *
 * @param userId the user
 * @param sessionId the revoked session
 * @param client who presented the token
 */
public record RefreshTokenReuseDetected(UUID userId, UUID sessionId, ClientInfo client) {
}
