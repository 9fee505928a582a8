package io.myuser.social.provider;

/**
 * How MyUser talks to a provider.
 */
public enum ProviderKind {

	/** Google: id_tokens, access tokens checked at the tokeninfo endpoint, codes. */
	GOOGLE,

	/** GitHub (an OAuth app): access tokens checked at the application token endpoint, codes. */
	GITHUB,

	/** Facebook: access tokens checked with {@code debug_token}, codes. */
	FACEBOOK,

	/** Any OpenID Connect provider with an issuer or a JWK set: id_tokens and codes. */
	OIDC;

	/**
	 * Return whether this kind of provider accepts a kind of credential.
	 * @param credential the credential
	 * @return whether it can be checked
	 */
	public boolean accepts(SocialCredential credential) {
		if (credential instanceof SocialCredential.AccessToken) {
			return this != OIDC;
		}
		if (credential instanceof SocialCredential.IdToken) {
			return this == GOOGLE || this == OIDC;
		}
		return true;
	}

}
