package io.myuser.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code Authorization: Bearer <token>} (RFC 6750 section 2.1); query parameters and form fields are never
 * read. Headers with another scheme are ignored.
 */
public final class AuthorizationHeaderTokenExtractor implements AccessTokenExtractor {


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
		if (token.isEmpty() || !isToken68(token)) {
			throw new MalformedBearerHeaderException("Bearer token is malformed");
		}
		return token;
	}

	/**
	 * RFC 6750 b64token: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. A loop rather than a
	 * regular expression: this runs on every authenticated request.
	 */
	static boolean isToken68(String token) {
		int i = 0;
		int length = token.length();
		while (i < length) {
			char c = token.charAt(i);
			boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
			if (!allowed) {
				break;
			}
			i++;
		}
		if (i == 0) {
			return false;
		}
		while (i < length && token.charAt(i) == '=') {
			i++;
		}
		return i == length;
	}

}
