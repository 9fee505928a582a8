package io.myuser.sample.gdpr;

/**
 * {@link ErasureRaceTests} on H2.
 */
class ErasureRaceH2Tests extends ErasureRaceTests {

}
