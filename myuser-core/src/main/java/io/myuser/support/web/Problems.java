package io.myuser.support.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.util.Assert;

/**
 * Builds the problem details MyUser answers with. Every problem has a {@code type} under {@link #TYPE_PREFIX}, a
 * title and a {@code detail}; validation problems add {@code errors}, an object of field name to messages.
 */
public final class Problems {

	/** Prefix of every MyUser problem type. */
	public static final String TYPE_PREFIX = "urn:myuser:problem:";

	/** Name of the property that lists field errors. */
	public static final String ERRORS = "errors";

	private Problems() {
	}

	/**
	 * Create a problem.
	 * @param status the HTTP status
	 * @param slug the last part of the type, such as {@code invalid-credentials}
	 * @param title a short summary that does not change between occurrences
	 * @param detail an explanation of this occurrence
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
		Assert.hasText(slug, "slug cannot be empty");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_PREFIX + slug));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * Create a validation problem (400) listing field errors.
	 * @param errors field name to messages
	 * @return the problem
	 */
	public static ProblemDetail validation(Map<String, List<String>> errors) {
		ProblemDetail problem = of(org.springframework.http.HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				"The request has invalid fields.");
		problem.setProperty(ERRORS, errors);
		return problem;
	}

	/**
	 * Convert a Java property name to the snake_case used in JSON.
	 * @param name a camelCase name
	 * @return the snake_case name
	 */
	public static String snakeCase(String name) {
		StringBuilder out = new StringBuilder(name.length() + 4);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isUpperCase(c)) {
				if (i > 0) {
					out.append('_');
				}
				out.append(Character.toLowerCase(c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
