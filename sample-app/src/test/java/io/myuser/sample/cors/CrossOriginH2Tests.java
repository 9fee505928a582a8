package io.myuser.sample.cors;

/**
 * {@link CrossOriginTests} on H2.
 */
class CrossOriginH2Tests extends CrossOriginTests {

}
