package io.myuser.autoconfigure.gdpr;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * {@code myuser.gdpr.export.max-downloads}: a positive number of downloads, or
 * {@value MyUserGdprProperties.Export#NO_LIMIT} for no limit.
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MaxDownloadsValidator.class)
@interface MaxDownloads {

	String message() default "must be positive, or -1 for no limit";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
