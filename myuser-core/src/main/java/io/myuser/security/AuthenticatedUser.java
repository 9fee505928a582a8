package io.myuser.security;

import java.security.Principal;
import java.util.UUID;

/**
 * The principal of a request authenticated with a MyUser access token. Controllers of the host receive it with
 * {@code @AuthenticationPrincipal AuthenticatedUser user}.
 *
 * @param userId the user
 * @param sessionId the session the token belongs to
 * @param tokenId the access token's {@code jti}
 */
public record AuthenticatedUser(UUID userId, UUID sessionId, String tokenId) implements Principal {

	@Override
	public String getName() {
		return this.userId.toString();
	}

}
