package io.myuser.sample.tokens;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link TokenForgeryTests} on PostgreSQL.
 */
@PostgresTest
class TokenForgeryPostgresTests extends TokenForgeryTests {

}
