package io.myuser.sample.tokens;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link AsymmetricKeyTests} on PostgreSQL.
 */
@PostgresTest
class AsymmetricKeyPostgresTests extends AsymmetricKeyTests {

}
