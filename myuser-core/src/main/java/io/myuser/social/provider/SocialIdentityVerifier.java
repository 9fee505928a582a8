package io.myuser.social.provider;

/**
 * Proves who a caller is at one kind of provider. Each implementation checks that the credential was issued to
 * this application before it trusts anything the provider says.
 */
public interface SocialIdentityVerifier {

	/**
	 * Check a credential and return the identity it proves.
	 * @param provider the provider
	 * @param credential the credential, of a kind the provider accepts
	 * @return the identity
	 * @throws SocialCredentialRejectedException if the credential is not accepted
	 * @throws ProviderUnavailableException if the provider cannot answer
	 */
	SocialIdentity verify(SocialProvider provider, SocialCredential credential);

}
