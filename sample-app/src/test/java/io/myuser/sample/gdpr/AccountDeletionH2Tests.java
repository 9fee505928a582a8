package io.myuser.sample.gdpr;

/**
 * {@link AccountDeletionTests} on H2.
 */
class AccountDeletionH2Tests extends AccountDeletionTests {

}
