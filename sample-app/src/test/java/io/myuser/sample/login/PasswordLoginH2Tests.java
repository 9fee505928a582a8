package io.myuser.sample.login;

/**
 * {@link PasswordLoginTests} on H2.
 */
class PasswordLoginH2Tests extends PasswordLoginTests {

}
