package io.myuser.sample.tokens;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link StaffAuthorityTests} on PostgreSQL.
 */
@PostgresTest
class StaffAuthorityPostgresTests extends StaffAuthorityTests {

}
