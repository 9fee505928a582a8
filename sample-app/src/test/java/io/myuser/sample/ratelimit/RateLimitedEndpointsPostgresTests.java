package io.myuser.sample.ratelimit;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link RateLimitedEndpointsTests} on PostgreSQL.
 */
@PostgresTest
class RateLimitedEndpointsPostgresTests extends RateLimitedEndpointsTests {

}
