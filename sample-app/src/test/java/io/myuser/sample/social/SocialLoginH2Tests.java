package io.myuser.sample.social;

/**
 * {@link SocialLoginTests} on H2.
 */
class SocialLoginH2Tests extends SocialLoginTests {

}
