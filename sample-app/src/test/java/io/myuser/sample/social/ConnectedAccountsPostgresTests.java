package io.myuser.sample.social;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link ConnectedAccountsTests} on PostgreSQL.
 */
@PostgresTest
class ConnectedAccountsPostgresTests extends ConnectedAccountsTests {

}
