package io.myuser.sample.login;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link PasswordLoginTests} on PostgreSQL.
 */
@PostgresTest
class PasswordLoginPostgresTests extends PasswordLoginTests {

}
