package io.myuser.sample.tokens;

/**
 * {@link BoundedCachesTests} on H2.
 */
class BoundedCachesH2Tests extends BoundedCachesTests {

}
