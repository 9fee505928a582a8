package io.myuser.sample.tokens;

/**
 * {@link ZeroGracePeriodTests} on H2.
 */
class ZeroGracePeriodH2Tests extends ZeroGracePeriodTests {

}
