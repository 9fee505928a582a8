package io.myuser.sample.social;

/**
 * {@link SocialAccountResolutionTests} on H2.
 */
class SocialAccountResolutionH2Tests extends SocialAccountResolutionTests {

}
