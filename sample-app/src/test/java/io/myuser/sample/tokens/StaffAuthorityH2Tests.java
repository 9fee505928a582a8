package io.myuser.sample.tokens;

/**
 * {@link StaffAuthorityTests} on H2.
 */
class StaffAuthorityH2Tests extends StaffAuthorityTests {

}
