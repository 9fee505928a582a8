package io.myuser.sample.mail;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link FrontendLinksTests} on PostgreSQL.
 */
@PostgresTest
class FrontendLinksPostgresTests extends FrontendLinksTests {

}
