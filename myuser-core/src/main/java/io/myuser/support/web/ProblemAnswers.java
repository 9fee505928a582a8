package io.myuser.support.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem answers (RFC 9457 {@code application/problem+json}) a route of a {@link MyUserApi} controller gives
 * beyond those every route can give, for MyUser's OpenAPI document. Every route may answer 400 (a malformed or
 * refused request), a route that needs a token 401, a role-guarded one 403, and one with a path variable 404;
 * this annotation adds the others, such as 409, 410, 429 or 502. It changes nothing in how the route answers.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProblemAnswers {

	/**
	 * The further HTTP statuses the route answers with problem JSON.
	 * @return the statuses, such as {@code 429}
	 */
	int[] value();

}
