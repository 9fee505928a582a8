package io.myuser.sample.concurrency;

/**
 * {@link ConcurrencyInvariantsTests} on H2.
 */
class ConcurrencyInvariantsH2Tests extends ConcurrencyInvariantsTests {

}
