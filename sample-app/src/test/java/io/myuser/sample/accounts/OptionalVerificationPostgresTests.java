package io.myuser.sample.accounts;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link OptionalVerificationTests} on PostgreSQL.
 */
@PostgresTest
class OptionalVerificationPostgresTests extends OptionalVerificationTests {

}
