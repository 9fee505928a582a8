package io.myuser.sample.concurrency;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link ConcurrencyInvariantsTests} on PostgreSQL.
 */
@PostgresTest
class ConcurrencyInvariantsPostgresTests extends ConcurrencyInvariantsTests {

}
