package io.myuser.support.web;

import io.myuser.support.Texts;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link CleanText}.
 */
public final class CleanTextValidator implements ConstraintValidator<CleanText, String> {

	private boolean multiline;

	@Override
	public void initialize(CleanText annotation) {
		this.multiline = annotation.multiline();
	}

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null || Texts.isClean(value, this.multiline);
	}

}
