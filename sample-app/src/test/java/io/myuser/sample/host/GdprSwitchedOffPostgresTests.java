package io.myuser.sample.host;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link GdprSwitchedOffTests} on PostgreSQL.
 */
@PostgresTest
class GdprSwitchedOffPostgresTests extends GdprSwitchedOffTests {

}
