package io.myuser.sample.gdpr;

/**
 * {@link DataExportTests} on H2.
 */
class DataExportH2Tests extends DataExportTests {

}
