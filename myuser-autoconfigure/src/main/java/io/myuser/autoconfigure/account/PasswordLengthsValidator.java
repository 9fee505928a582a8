package io.myuser.autoconfigure.account;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link PasswordLengths}, reporting the violation on {@code max-length} so that Spring Boot's binding report
 * reads {@code myuser.account.password.max-length} with its value.
 */
final class PasswordLengthsValidator
		implements ConstraintValidator<PasswordLengths, MyUserAccountProperties.Password> {

	@Override
	public boolean isValid(MyUserAccountProperties.@Nullable Password password, ConstraintValidatorContext context) {
		if (password == null || password.getMaxLength() >= password.getMinLength()) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate(
				context.getDefaultConstraintMessageTemplate() + ", which is " + password.getMinLength())
			.addPropertyNode("max-length")
			.addConstraintViolation();
		return false;
	}

}
