package io.myuser.support.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a MyUser REST controller. Controllers so marked are mapped under {@code myuser.web.base-path} and get
 * their errors answered as RFC 9457 problem JSON by {@link MyUserExceptionHandler}; nothing else of the host is
 * touched.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MyUserApi {

}
