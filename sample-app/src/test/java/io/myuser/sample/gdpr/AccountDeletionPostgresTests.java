package io.myuser.sample.gdpr;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link AccountDeletionTests} on PostgreSQL.
 */
@PostgresTest
class AccountDeletionPostgresTests extends AccountDeletionTests {

}
