package io.myuser.sample.tokens;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link IdleTimeoutTests} on PostgreSQL.
 */
@PostgresTest
class IdleTimeoutPostgresTests extends IdleTimeoutTests {

}
