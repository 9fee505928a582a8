package io.myuser.security;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import org.springframework.util.Assert;

/**
 * The principal of a request authenticated with a MyUser access token. Controllers of the host receive it with
 * {@code @AuthenticationPrincipal AuthenticatedUser user}.
 *
 * @param userId the user
 * @param sessionId the session the token belongs to
 * @param tokenId the access token's {@code jti}
 * @param authorities the authorities the token carries besides {@code ROLE_USER} (its {@code authorities} claim),
 * as they were when it was issued
 */
public record AuthenticatedUser(UUID userId, UUID sessionId, String tokenId, List<String> authorities)
		implements Principal {

	public AuthenticatedUser {
		Assert.notNull(authorities, "authorities cannot be null");
		authorities = List.copyOf(authorities);
	}

	/**
	 * A user whose token carries no authority besides {@code ROLE_USER}.
	 * @param userId the user
	 * @param sessionId the session the token belongs to
	 * @param tokenId the access token's {@code jti}
	 */
	public AuthenticatedUser(UUID userId, UUID sessionId, String tokenId) {
		this(userId, sessionId, tokenId, List.of());
	}

	@Override
	public String getName() {
		return this.userId.toString();
	}

}
