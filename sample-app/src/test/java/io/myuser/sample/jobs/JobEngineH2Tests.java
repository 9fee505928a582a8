package io.myuser.sample.jobs;

/**
 * {@link JobEngineTests} on H2.
 */
class JobEngineH2Tests extends JobEngineTests {

}
