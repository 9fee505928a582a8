package io.myuser.sample.tokens;

/**
 * {@link PasswordRevocationTests} on H2.
 */
class PasswordRevocationH2Tests extends PasswordRevocationTests {

}
