package io.myuser.autoconfigure.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * {@code myuser.account.password.max-length} is not less than {@code min-length}; the violation names
 * {@code max-length}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PasswordLengthsValidator.class)
@interface PasswordLengths {

	String message() default "must not be less than myuser.account.password.min-length";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
