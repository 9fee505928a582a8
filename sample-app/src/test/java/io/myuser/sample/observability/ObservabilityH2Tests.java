package io.myuser.sample.observability;

/**
 * {@link ObservabilityTests} on H2.
 */
class ObservabilityH2Tests extends ObservabilityTests {

}
