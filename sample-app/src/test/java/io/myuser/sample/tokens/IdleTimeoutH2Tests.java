package io.myuser.sample.tokens;

/**
 * {@link IdleTimeoutTests} on H2.
 */
class IdleTimeoutH2Tests extends IdleTimeoutTests {

}
