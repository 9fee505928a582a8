package io.myuser.sample.tokens;

/**
 * {@link RefreshRaceTests} on H2.
 */
class RefreshRaceH2Tests extends RefreshRaceTests {

}
