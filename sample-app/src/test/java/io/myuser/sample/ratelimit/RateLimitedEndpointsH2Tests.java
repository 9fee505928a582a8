package io.myuser.sample.ratelimit;

/**
 * {@link RateLimitedEndpointsTests} on H2.
 */
class RateLimitedEndpointsH2Tests extends RateLimitedEndpointsTests {

}
