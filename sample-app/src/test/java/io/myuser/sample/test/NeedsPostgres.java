package io.myuser.sample.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Marks a test class or method that starts embedded PostgreSQL, so that a run asking for the H2 half only skips it:
 * {@code ./mvnw verify -Dmyuser.tests.postgres=false}, for machines the PostgreSQL binaries from Maven do not cover.
 * That switch also keeps Maven from resolving the binaries (see the platform profiles of the sample's POM).
 * {@link PostgresTest} carries it; use it directly on tests that start a server themselves.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@DisabledIfSystemProperty(named = NeedsPostgres.SWITCH, matches = "false",
		disabledReason = "the H2 half only was asked for (-D" + NeedsPostgres.SWITCH + "=false)")
public @interface NeedsPostgres {

	/** The system property that, set to {@code false}, skips every test that needs PostgreSQL. */
	String SWITCH = "myuser.tests.postgres";

}
