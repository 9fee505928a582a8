package io.myuser.sample.mail;

/**
 * {@link MailDeliveryTests} on H2.
 */
class MailDeliveryH2Tests extends MailDeliveryTests {

}
