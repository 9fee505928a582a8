package io.myuser.token;

import java.util.Optional;
import java.util.UUID;

/**
 * Decides what an access token carries beyond MyUser's own claims: its authorities and extra claims. A replaceable
 * strategy of {@link TokenService}; the default, {@link AccountAccessTokenContents}, reads the account (its staff
 * flag) and applies the {@link AccessTokenCustomizer}s. It is asked each time an access token is issued, inside the
 * transaction that issues it.
 */
@FunctionalInterface
public interface AccessTokenContents {

	/**
	 * Decide what an access token about to be issued carries.
	 * @param userId the account
	 * @param sessionId the session the token belongs to
	 * @param loginMethod how the session began
	 * @return the context holding the token's authorities and extra claims, or empty when there is no live
	 * account of that id, in which case no token is issued
	 */
	Optional<AccessTokenContext> resolve(UUID userId, UUID sessionId, String loginMethod);

}
