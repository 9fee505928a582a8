package io.myuser.sample.social;

/**
 * {@link SocialRedirectFlowTests} on H2.
 */
class SocialRedirectFlowH2Tests extends SocialRedirectFlowTests {

}
