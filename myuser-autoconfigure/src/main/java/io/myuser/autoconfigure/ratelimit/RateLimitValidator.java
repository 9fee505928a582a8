package io.myuser.autoconfigure.ratelimit;

import io.myuser.ratelimit.RateLimit;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link ValidRateLimit}: the parser's own message names what is wrong ({@code 0/min} allows no request,
 * {@code 10/fortnight} has an unknown unit).
 */
final class RateLimitValidator implements ConstraintValidator<ValidRateLimit, String> {

	@Override
	public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		try {
			RateLimit.parse(value);
			return true;
		}
		catch (IllegalArgumentException ex) {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(escaped(ex.getMessage())).addConstraintViolation();
			return false;
		}
	}

	/** The message is a template: braces and dollar signs of the value must not be read as expressions. */
	private static String escaped(@Nullable String message) {
		String text = (message != null) ? message : "must be a rate limit such as 10/min";
		return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
	}

}
