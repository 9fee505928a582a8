package io.myuser.sample.audit;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link AuditAfterCommitTests} on PostgreSQL.
 */
@PostgresTest
class AuditAfterCommitPostgresTests extends AuditAfterCommitTests {

}
