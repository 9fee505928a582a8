package io.myuser.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The rules of {@code myuser.web.cors.*} that concern several properties at once, checked when the properties are
 * bound so that a mistake fails startup with Spring Boot's binding report: exact origins in
 * {@code allowed-origins}, and never a wildcard origin together with {@code allow-credentials}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CorsPropertiesValidator.class)
@interface ValidCors {

	String message() default "invalid CORS settings";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
