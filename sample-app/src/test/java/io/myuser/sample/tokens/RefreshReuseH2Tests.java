package io.myuser.sample.tokens;

/**
 * {@link RefreshReuseTests} on H2.
 */
class RefreshReuseH2Tests extends RefreshReuseTests {

}
