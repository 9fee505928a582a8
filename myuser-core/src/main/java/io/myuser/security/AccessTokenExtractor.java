package io.myuser.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Finds the bearer token of a request.
 */
@FunctionalInterface
public interface AccessTokenExtractor {

	/**
	 * Find the token.
	 * @param request the request
	 * @return the token, or {@code null} when the request carries none
	 * @throws MalformedBearerHeaderException if an {@code Authorization: Bearer} header is present but unusable
	 */
	@Nullable String resolve(HttpServletRequest request);

}
