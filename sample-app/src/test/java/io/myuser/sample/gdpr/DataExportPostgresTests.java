package io.myuser.sample.gdpr;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link DataExportTests} on PostgreSQL.
 */
@PostgresTest
class DataExportPostgresTests extends DataExportTests {

}
