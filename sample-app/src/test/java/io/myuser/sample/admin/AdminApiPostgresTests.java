package io.myuser.sample.admin;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link AdminApiTests} on PostgreSQL.
 */
@PostgresTest
class AdminApiPostgresTests extends AdminApiTests {

}
