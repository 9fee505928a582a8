package io.myuser.sample.gdpr;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link DataRequestTests} on PostgreSQL.
 */
@PostgresTest
class DataRequestPostgresTests extends DataRequestTests {

}
