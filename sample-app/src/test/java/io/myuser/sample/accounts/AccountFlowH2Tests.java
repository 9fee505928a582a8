package io.myuser.sample.accounts;

/**
 * {@link AccountFlowTests} on H2.
 */
class AccountFlowH2Tests extends AccountFlowTests {

}
