package io.myuser.sample.host;

/**
 * {@link HostIntegrationTests} on H2.
 */
class HostIntegrationH2Tests extends HostIntegrationTests {

}
