package io.myuser.autoconfigure;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link MyUserProperties.Web.Cors}: each entry of {@code allowed-origins} is {@code *} or an exact origin
 * (a pattern there would silently never match), no wildcard origin or pattern that matches every host is allowed
 * while {@code allow-credentials} is true (a browser would then send cookies to MyUser from any site), and
 * {@code max-age} is not negative. Each violation names the property it concerns.
 */
final class CorsPropertiesValidator implements ConstraintValidator<ValidCors, MyUserProperties.Web.Cors> {

	private static final String WILDCARD = "*";

	/** Scheme, host and optional port; no path, query or fragment. */
	private static final Pattern ORIGIN = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#\\s]+$");

	@Override
	public boolean isValid(MyUserProperties.Web.@Nullable Cors cors, ConstraintValidatorContext context) {
		if (cors == null) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		boolean valid = true;
		for (String origin : nonNull(cors.getAllowedOrigins())) {
			String message = checkOrigin(origin.trim(), cors.isAllowCredentials());
			if (message != null) {
				reject(context, "allowed-origins", message);
				valid = false;
			}
		}
		for (String pattern : nonNull(cors.getAllowedOriginPatterns())) {
			String message = checkPattern(pattern.trim(), cors.isAllowCredentials());
			if (message != null) {
				reject(context, "allowed-origin-patterns", message);
				valid = false;
			}
		}
		if (cors.getMaxAge() != null && cors.getMaxAge().isNegative()) {
			reject(context, "max-age", "must not be negative");
			valid = false;
		}
		return valid;
	}

	private static @Nullable String checkOrigin(String origin, boolean allowCredentials) {
		if (origin.isEmpty()) {
			return "must not hold an empty origin";
		}
		if (WILDCARD.equals(origin)) {
			return allowCredentials ? "must not hold the wildcard * while myuser.web.cors.allow-credentials is "
					+ "true: list the origins that may send credentials, or leave allow-credentials false" : null;
		}
		if (origin.contains(WILDCARD)) {
			return "holds exact origins, and '" + origin + "' is a pattern: put it in "
					+ "myuser.web.cors.allowed-origin-patterns";
		}
		String withoutTrailingSlash = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
		if (!ORIGIN.matcher(withoutTrailingSlash).matches()) {
			return "'" + origin + "' is not an origin: give the scheme, host and port a browser sends, without "
					+ "a path, such as https://app.example.com";
		}
		return null;
	}

	private static @Nullable String checkPattern(String pattern, boolean allowCredentials) {
		if (pattern.isEmpty()) {
			return "must not hold an empty pattern";
		}
		if (allowCredentials && matchesEveryHost(pattern)) {
			return "must not hold '" + pattern + "', which matches every host, while "
					+ "myuser.web.cors.allow-credentials is true: name the hosts, such as https://*.example.com";
		}
		return null;
	}

	/**
	 * Whether a pattern leaves the host entirely open: {@code *}, {@code https://*}, {@code *://*:8080}.
	 */
	static boolean matchesEveryHost(String pattern) {
		int schemeEnd = pattern.indexOf("://");
		String authority = (schemeEnd >= 0) ? pattern.substring(schemeEnd + 3) : pattern;
		String host;
		if (authority.startsWith("[")) {
			int close = authority.indexOf(']');
			host = (close >= 0) ? authority.substring(0, close + 1) : authority;
		}
		else {
			int colon = authority.indexOf(':');
			host = (colon >= 0) ? authority.substring(0, colon) : authority;
		}
		return host.isEmpty() || host.chars().allMatch((c) -> c == '*' || c == '.');
	}

	/**
	 * Report a violation on one property, named in its configuration form so that Spring Boot's binding report
	 * reads {@code myuser.web.cors.allowed-origins} (and finds the configured value and its origin by that name).
	 */
	private static void reject(ConstraintValidatorContext context, String property, String message) {
		context.buildConstraintViolationWithTemplate(escape(message))
			.addPropertyNode(property)
			.addConstraintViolation();
	}

	/** Values from the configuration are text, never message parameters or expressions. */
	private static String escape(String message) {
		return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
	}

	private static List<String> nonNull(@Nullable List<String> values) {
		return (values != null) ? values.stream().map((value) -> (value != null) ? value : "").toList() : List.of();
	}

}
