package io.myuser.sample.mail;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link MailDeliveryTests} on PostgreSQL.
 */
@PostgresTest
class MailDeliveryPostgresTests extends MailDeliveryTests {

}
