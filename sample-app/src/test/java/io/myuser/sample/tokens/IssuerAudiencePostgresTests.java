package io.myuser.sample.tokens;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link IssuerAudienceTests} on PostgreSQL.
 */
@PostgresTest
class IssuerAudiencePostgresTests extends IssuerAudienceTests {

}
