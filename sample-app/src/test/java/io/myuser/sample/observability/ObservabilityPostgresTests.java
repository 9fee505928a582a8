package io.myuser.sample.observability;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link ObservabilityTests} on PostgreSQL.
 */
@PostgresTest
class ObservabilityPostgresTests extends ObservabilityTests {

}
