package io.myuser.sample.host;

/**
 * {@link BasePathDefaultDenyTests} on H2.
 */
class BasePathDefaultDenyH2Tests extends BasePathDefaultDenyTests {

}
