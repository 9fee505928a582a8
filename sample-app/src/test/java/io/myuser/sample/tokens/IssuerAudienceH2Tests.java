package io.myuser.sample.tokens;

/**
 * {@link IssuerAudienceTests} on H2.
 */
class IssuerAudienceH2Tests extends IssuerAudienceTests {

}
