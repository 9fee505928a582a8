package io.myuser.autoconfigure.gdpr;

import java.time.Period;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link PositivePeriod}.
 */
final class PositivePeriodValidator implements ConstraintValidator<PositivePeriod, Period> {

	@Override
	public boolean isValid(@Nullable Period period, ConstraintValidatorContext context) {
		return period == null || (!period.isNegative() && !period.isZero());
	}

}
