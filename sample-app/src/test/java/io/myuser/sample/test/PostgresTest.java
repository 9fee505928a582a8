package io.myuser.sample.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Runs an integration test against embedded PostgreSQL instead of the sample's default H2. Skipped when the run
 * asks for the H2 half only ({@link NeedsPostgres}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@NeedsPostgres
@Import(EmbeddedPostgresConfiguration.class)
public @interface PostgresTest {

}
