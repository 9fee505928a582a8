package io.myuser.autoconfigure.flyway;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * {@code myuser.flyway.host-table}, when set, names another table than {@code myuser.flyway.table}; the violation
 * names {@code host-table}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DistinctHistoryTablesValidator.class)
@interface DistinctHistoryTables {

	String message() default "must name another table than myuser.flyway.table: MyUser moves its rows out of the "
			+ "host's history into its own";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
