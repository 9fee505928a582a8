package io.myuser.sample.routes;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link TrailingSlashTests} on PostgreSQL.
 */
@PostgresTest
class TrailingSlashPostgresTests extends TrailingSlashTests {

}
