package io.myuser.sample.schema;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link SchemaHistoryTests} on PostgreSQL.
 */
@PostgresTest
class SchemaHistoryPostgresTests extends SchemaHistoryTests {

}
