package io.myuser.sample.social;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link SocialAccountResolutionTests} on PostgreSQL, where the losers of a first-login race wait on the winner's
 * unique index entries and decide again.
 */
@PostgresTest
class SocialAccountResolutionPostgresTests extends SocialAccountResolutionTests {

}
