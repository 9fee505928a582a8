package io.myuser.sample.tokens;

/**
 * {@link SessionEndTests} on H2.
 */
class SessionEndH2Tests extends SessionEndTests {

}
