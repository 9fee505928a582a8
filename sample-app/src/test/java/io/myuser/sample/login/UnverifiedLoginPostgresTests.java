package io.myuser.sample.login;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link UnverifiedLoginTests} on PostgreSQL.
 */
@PostgresTest
class UnverifiedLoginPostgresTests extends UnverifiedLoginTests {

}
