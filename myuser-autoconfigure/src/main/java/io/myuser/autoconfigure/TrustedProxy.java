package io.myuser.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An entry of {@code myuser.web.trusted-proxies}: an IP address or a CIDR range, never a host name, as the
 * client-IP resolver accepts them.
 */
@Documented
@Target({ ElementType.TYPE_USE, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TrustedProxyValidator.class)
@interface TrustedProxy {

	String message() default "must be an IP address or a CIDR range, such as 10.0.0.7, 10.0.0.0/8 or fd00::/8, "
			+ "not a host name";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
