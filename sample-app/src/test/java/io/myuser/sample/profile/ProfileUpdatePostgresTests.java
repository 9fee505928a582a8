package io.myuser.sample.profile;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link ProfileUpdateTests} on PostgreSQL.
 */
@PostgresTest
class ProfileUpdatePostgresTests extends ProfileUpdateTests {

}
