package io.myuser.sample.tokens;

/**
 * {@link NonRotatingRefreshTests} on H2.
 */
class NonRotatingRefreshH2Tests extends NonRotatingRefreshTests {

}
