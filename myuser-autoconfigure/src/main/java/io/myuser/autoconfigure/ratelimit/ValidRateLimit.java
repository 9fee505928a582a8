package io.myuser.autoconfigure.ratelimit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The value is a rate limit as {@link io.myuser.ratelimit.RateLimit#parse(String)} reads it ({@code 10/min},
 * {@code 5/15m}, {@code 2/day}); the violation says what is wrong with it.
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RateLimitValidator.class)
@interface ValidRateLimit {

	String message() default "must be a rate limit such as 10/min, 5/15m, 5/hour or 2/day";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
