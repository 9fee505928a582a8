package io.myuser.sample.tokens;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link BoundedCachesTests} on PostgreSQL.
 */
@PostgresTest
class BoundedCachesPostgresTests extends BoundedCachesTests {

}
