package io.myuser.sample.tokens;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link RefreshRaceTests} on PostgreSQL.
 */
@PostgresTest
class RefreshRacePostgresTests extends RefreshRaceTests {

}
