package io.myuser.sample.admin;

/**
 * {@link AdminApiTests} on H2.
 */
class AdminApiH2Tests extends AdminApiTests {

}
