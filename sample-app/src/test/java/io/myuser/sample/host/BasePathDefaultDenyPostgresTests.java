package io.myuser.sample.host;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link BasePathDefaultDenyTests} on PostgreSQL.
 */
@PostgresTest
class BasePathDefaultDenyPostgresTests extends BasePathDefaultDenyTests {

}
