package io.myuser.sample.tokens;

/**
 * {@link TokenForgeryTests} on H2.
 */
class TokenForgeryH2Tests extends TokenForgeryTests {

}
