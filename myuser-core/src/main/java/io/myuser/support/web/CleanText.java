package io.myuser.support.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated text holds no control characters, unpaired surrogates or non-characters. {@code null} is valid.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Constraint(validatedBy = CleanTextValidator.class)
public @interface CleanText {

	String message() default "Contains characters that are not allowed.";

	/**
	 * Whether line feeds, carriage returns and tabs are allowed (free-text fields).
	 * @return whether the text may span lines
	 */
	boolean multiline() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
