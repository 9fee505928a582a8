package io.myuser.sample.gdpr;

/**
 * {@link DataRequestTests} on H2.
 */
class DataRequestH2Tests extends DataRequestTests {

}
