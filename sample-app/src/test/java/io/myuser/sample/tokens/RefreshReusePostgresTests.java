package io.myuser.sample.tokens;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link RefreshReuseTests} on PostgreSQL.
 */
@PostgresTest
class RefreshReusePostgresTests extends RefreshReuseTests {

}
