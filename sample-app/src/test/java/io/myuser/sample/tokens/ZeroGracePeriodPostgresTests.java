package io.myuser.sample.tokens;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link ZeroGracePeriodTests} on PostgreSQL.
 */
@PostgresTest
class ZeroGracePeriodPostgresTests extends ZeroGracePeriodTests {

}
