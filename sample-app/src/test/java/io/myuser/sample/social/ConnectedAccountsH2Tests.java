package io.myuser.sample.social;

/**
 * {@link ConnectedAccountsTests} on H2.
 */
class ConnectedAccountsH2Tests extends ConnectedAccountsTests {

}
