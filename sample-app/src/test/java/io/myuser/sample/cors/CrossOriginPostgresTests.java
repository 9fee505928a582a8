package io.myuser.sample.cors;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link CrossOriginTests} on PostgreSQL.
 */
@PostgresTest
class CrossOriginPostgresTests extends CrossOriginTests {

}
