package io.myuser.sample.social;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link SocialLoginTests} on PostgreSQL.
 */
@PostgresTest
class SocialLoginPostgresTests extends SocialLoginTests {

}
