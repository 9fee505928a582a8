package io.myuser.sample.login;

/**
 * {@link UnverifiedLoginTests} on H2.
 */
class UnverifiedLoginH2Tests extends UnverifiedLoginTests {

}
