package io.myuser.sample.tokens;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link SessionEndTests} on PostgreSQL.
 */
@PostgresTest
class SessionEndPostgresTests extends SessionEndTests {

}
