package io.myuser.sample.host;

/**
 * {@link GdprSwitchedOffTests} on H2.
 */
class GdprSwitchedOffH2Tests extends GdprSwitchedOffTests {

}
