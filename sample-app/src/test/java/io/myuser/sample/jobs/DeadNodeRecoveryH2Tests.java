package io.myuser.sample.jobs;

/**
 * {@link DeadNodeRecoveryTests} on H2.
 */
class DeadNodeRecoveryH2Tests extends DeadNodeRecoveryTests {

}
