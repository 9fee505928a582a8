package io.myuser.sample.routes;

/**
 * {@link TrailingSlashTests} on H2.
 */
class TrailingSlashH2Tests extends TrailingSlashTests {

}
