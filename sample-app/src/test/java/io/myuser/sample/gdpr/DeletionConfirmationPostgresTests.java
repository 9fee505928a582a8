package io.myuser.sample.gdpr;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link DeletionConfirmationTests} on PostgreSQL.
 */
@PostgresTest
class DeletionConfirmationPostgresTests extends DeletionConfirmationTests {

}
