package io.myuser.security;

import org.springframework.security.core.AuthenticationException;

/**
 * Turns a bearer token into the user it authenticates. A replaceable strategy; MyUser's token feature provides
 * the default, which verifies the signature and claims and checks the session against the in-memory revocation
 * cache, without a database query.
 */
@FunctionalInterface
public interface AccessTokenVerifier {

	/**
	 * Verify a bearer token.
	 * @param token the compact token
	 * @return the authenticated user
	 * @throws AuthenticationException if the token is invalid, expired, revoked or not an access token
	 */
	AuthenticatedUser verify(String token) throws AuthenticationException;

}
