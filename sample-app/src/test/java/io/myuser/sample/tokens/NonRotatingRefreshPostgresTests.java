package io.myuser.sample.tokens;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link NonRotatingRefreshTests} on PostgreSQL.
 */
@PostgresTest
class NonRotatingRefreshPostgresTests extends NonRotatingRefreshTests {

}
