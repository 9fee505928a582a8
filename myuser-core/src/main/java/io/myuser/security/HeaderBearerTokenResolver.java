package io.myuser.security;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code Authorization: Bearer <token>} (RFC 6750 section 2.1); query parameters and form fields are never
 * read. Headers with another scheme are ignored.
 */
public final class HeaderBearerTokenResolver implements BearerTokenResolver {

	private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9\\-._~+/]+=*$");

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer", 0, 6)) {
			return null;
		}
		if (header.length() == 6) {
			throw new MalformedBearerHeaderException("Bearer token is missing");
		}
		if (header.charAt(6) != ' ') {
			return null;
		}
		String token = header.substring(7).strip();
		if (token.isEmpty() || !TOKEN.matcher(token).matches()) {
			throw new MalformedBearerHeaderException("Bearer token is malformed");
		}
		return token;
	}

}
