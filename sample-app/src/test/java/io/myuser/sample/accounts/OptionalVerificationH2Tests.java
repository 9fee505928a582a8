package io.myuser.sample.accounts;

/**
 * {@link OptionalVerificationTests} on H2.
 */
class OptionalVerificationH2Tests extends OptionalVerificationTests {

}
