package io.myuser.sample.tokens;

/**
 * {@link AsymmetricKeyTests} on H2.
 */
class AsymmetricKeyH2Tests extends AsymmetricKeyTests {

}
