package io.myuser.sample.social;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link SocialRedirectFlowTests} on PostgreSQL.
 */
@PostgresTest
class SocialRedirectFlowPostgresTests extends SocialRedirectFlowTests {

}
