package io.myuser.autoconfigure.gdpr;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A {@link java.time.Period} longer than zero with no negative part; {@code null} is left to other constraints.
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PositivePeriodValidator.class)
@interface PositivePeriod {

	String message() default "must be positive, such as 1m (one month) or 30d";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
