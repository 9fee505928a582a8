package io.myuser.autoconfigure.gdpr;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link MaxDownloads}.
 */
final class MaxDownloadsValidator implements ConstraintValidator<MaxDownloads, Integer> {

	@Override
	public boolean isValid(@Nullable Integer maxDownloads, ConstraintValidatorContext context) {
		return maxDownloads == null || maxDownloads > 0 || maxDownloads == MyUserGdprProperties.Export.NO_LIMIT;
	}

}
