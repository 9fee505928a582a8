package io.myuser.security;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Reads {@code Authorization: Bearer <token>} (RFC 6750 section 2.1); query parameters and form fields are never
 * read. Headers with another scheme are ignored.
 * <p>
 * Inside Spring Security's filter chain the header is read from the request beneath {@code StrictHttpFirewall}'s
 * wrapper, and checked here instead: the firewall checks every header value it hands out with a regular expression,
 * which over a 400-character token costs about 6 % of an authenticated request. The check here is a loop with the
 * firewall's default rule (every character assigned in Unicode, no control character but the tab; a header that
 * breaks it is rejected with {@link RequestRejectedException}, as the firewall rejects it), and the token itself
 * must then pass the stricter b64token rule. Only wrappers that override neither {@code getHeader} nor
 * {@code getRequest} are looked through; a wrapper that does (a host's filter that supplies the header, say) is
 * asked, as is any other firewall's wrapper. A host that gave its {@code StrictHttpFirewall} a header rule of its
 * own ({@code setAllowedHeaderValues}) sees it applied to every header but this one, whose token only b64token
 * characters may make up; a host that wants its rule applied here too sets an {@link AccessTokenExtractor} of its
 * own on {@link AccessTokenAuthenticationFilter}.
 */
public final class AuthorizationHeaderTokenExtractor implements AccessTokenExtractor {

	private static final String AUTHORIZATION = "Authorization";

	/**
	 * The wrapper {@code StrictHttpFirewall} hands out. Only its rule is known here; any other firewall's wrapper
	 * (a host's own {@code HttpFirewall}, or {@code DefaultHttpFirewall}'s) is treated as any other wrapper.
	 */
	private static final String STRICT_FIREWALLED_REQUEST = StrictHttpFirewall.class.getName()
			+ "$StrictFirewalledRequest";

	/**
	 * Whether a wrapper class answers {@code getHeader} as the request it wraps does: it overrides neither
	 * {@code getHeader} nor {@code getRequest}.
	 */
	private static final ClassValue<Boolean> PASSES_HEADERS_THROUGH = new ClassValue<>() {

		@Override
		protected Boolean computeValue(Class<?> type) {
			try {
				return type.getMethod("getHeader", String.class).getDeclaringClass() == HttpServletRequestWrapper.class
						&& type.getMethod("getRequest").getDeclaringClass() == ServletRequestWrapper.class;
			}
			catch (NoSuchMethodException ex) {
				return false;
			}
		}

	};

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		HttpServletRequest beneathFirewall = beneathFirewall(request);
		if (beneathFirewall == null) {
			return parse(request.getHeader(AUTHORIZATION));
		}
		String header = beneathFirewall.getHeader(AUTHORIZATION);
		String token;
		try {
			token = parse(header);
		}
		catch (MalformedBearerHeaderException ex) {
			checkAsFirewall(header);
			throw ex;
		}
		// A token is b64token characters only, which pass the firewall's rule; what was stripped around it may not.
		if (token == null || header.length() != 7 + token.length()) {
			checkAsFirewall(header);
		}
		return token;
	}

	private static @Nullable String parse(@Nullable String header) {
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
	 * The request beneath Spring Security's firewall wrapper, when only wrappers that pass headers through are
	 * between it and the given one; otherwise {@code null}.
	 */
	private static @Nullable HttpServletRequest beneathFirewall(HttpServletRequest request) {
		ServletRequest current = request;
		while (current instanceof HttpServletRequestWrapper wrapper) {
			if (current.getClass().getName().equals(STRICT_FIREWALLED_REQUEST)) {
				return (wrapper.getRequest() instanceof HttpServletRequest raw) ? raw : null;
			}
			if (!PASSES_HEADERS_THROUGH.get(current.getClass())) {
				return null;
			}
			current = wrapper.getRequest();
		}
		return null;
	}

	/** Rejects the header as the firewall would have, had it been read through it. */
	private static void checkAsFirewall(@Nullable String header) {
		if (header != null && !isAllowedHeaderValue(header)) {
			throw new RequestRejectedException(
					"The request was rejected because the Authorization header holds a character that is not allowed");
		}
	}

	/**
	 * The rule of {@code StrictHttpFirewall}'s default header value check
	 * ({@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}): every code point assigned, none a control character but
	 * the horizontal tab.
	 */
	static boolean isAllowedHeaderValue(String value) {
		int i = 0;
		int length = value.length();
		while (i < length) {
			int codePoint = value.codePointAt(i);
			if (!Character.isDefined(codePoint) || (Character.isISOControl(codePoint) && codePoint != '\t')) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
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
