package io.myuser.sample.accounts;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link AccountFlowTests} on PostgreSQL.
 */
@PostgresTest
class AccountFlowPostgresTests extends AccountFlowTests {

}
