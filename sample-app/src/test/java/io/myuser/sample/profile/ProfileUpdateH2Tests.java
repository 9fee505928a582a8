package io.myuser.sample.profile;

/**
 * {@link ProfileUpdateTests} on H2.
 */
class ProfileUpdateH2Tests extends ProfileUpdateTests {

}
