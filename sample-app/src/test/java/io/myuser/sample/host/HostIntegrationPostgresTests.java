package io.myuser.sample.host;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link HostIntegrationTests} on PostgreSQL.
 */
@PostgresTest
class HostIntegrationPostgresTests extends HostIntegrationTests {

}
