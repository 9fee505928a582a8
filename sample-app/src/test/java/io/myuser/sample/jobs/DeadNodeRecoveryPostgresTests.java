package io.myuser.sample.jobs;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link DeadNodeRecoveryTests} on PostgreSQL.
 */
@PostgresTest
class DeadNodeRecoveryPostgresTests extends DeadNodeRecoveryTests {

}
