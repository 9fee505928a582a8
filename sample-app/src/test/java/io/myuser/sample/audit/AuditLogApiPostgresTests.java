package io.myuser.sample.audit;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link AuditLogApiTests} on PostgreSQL.
 */
@PostgresTest
class AuditLogApiPostgresTests extends AuditLogApiTests {

}
