package io.myuser.sample.accounts;

/**
 * {@link PasswordNormalizationTests} on H2.
 */
class PasswordNormalizationH2Tests extends PasswordNormalizationTests {

}
