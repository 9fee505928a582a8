package io.myuser.autoconfigure;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * Checks {@link PositiveDataSize}.
 */
final class PositiveDataSizeValidator implements ConstraintValidator<PositiveDataSize, DataSize> {

	@Override
	public boolean isValid(@Nullable DataSize size, ConstraintValidatorContext context) {
		return size == null || size.toBytes() > 0;
	}

}
