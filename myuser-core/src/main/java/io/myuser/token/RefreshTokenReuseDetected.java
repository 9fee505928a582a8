package io.myuser.token;

import java.util.UUID;

import io.myuser.support.ClientInfo;

/**
 * Published when a refresh token that was already rotated is presented again after the grace period: someone
 * else may hold a copy, so the whole session (token family) has been revoked (audited as
 * {@code SUSPICIOUS_ACTIVITY} through {@link io.myuser.session.SessionRevoked}). Listen to it to alert the user;
 * MyUser's mail feature is meant to send that alert.
 *
 * @param userId the user
 * @param sessionId the revoked session
 * @param client who presented the token
 */
public record RefreshTokenReuseDetected(UUID userId, UUID sessionId, ClientInfo client) {
}
