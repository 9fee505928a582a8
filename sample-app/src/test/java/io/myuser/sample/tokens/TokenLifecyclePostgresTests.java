package io.myuser.sample.tokens;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link TokenLifecycleTests} on PostgreSQL.
 */
@PostgresTest
class TokenLifecyclePostgresTests extends TokenLifecycleTests {

}
