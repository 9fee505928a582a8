package io.myuser.sample.mail;

/**
 * {@link FrontendLinksTests} on H2.
 */
class FrontendLinksH2Tests extends FrontendLinksTests {

}
