package io.myuser.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A {@link org.springframework.util.unit.DataSize} of at least one byte; {@code null} is left to other constraints.
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PositiveDataSizeValidator.class)
@interface PositiveDataSize {

	String message() default "must be positive, such as 64KB";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
