package io.myuser.sample.accounts;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link PasswordNormalizationTests} on PostgreSQL.
 */
@PostgresTest
class PasswordNormalizationPostgresTests extends PasswordNormalizationTests {

}
