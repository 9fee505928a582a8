package io.myuser.sample.gdpr;

/**
 * {@link DeletionConfirmationTests} on H2.
 */
class DeletionConfirmationH2Tests extends DeletionConfirmationTests {

}
