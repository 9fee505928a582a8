package io.myuser.sample.tokens;

/**
 * {@link TokenLifecycleTests} on H2.
 */
class TokenLifecycleH2Tests extends TokenLifecycleTests {

}
