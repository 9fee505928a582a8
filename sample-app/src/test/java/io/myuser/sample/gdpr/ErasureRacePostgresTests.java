package io.myuser.sample.gdpr;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link ErasureRaceTests} on PostgreSQL.
 */
@PostgresTest
class ErasureRacePostgresTests extends ErasureRaceTests {

}
