package io.myuser.sample.tokens;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link PasswordRevocationTests} on PostgreSQL.
 */
@PostgresTest
class PasswordRevocationPostgresTests extends PasswordRevocationTests {

}
