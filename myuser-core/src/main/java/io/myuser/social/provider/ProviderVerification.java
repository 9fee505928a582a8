package io.myuser.social.provider;

import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Proves who a caller is at a provider, with the verifier of the provider's kind, after checking that the kind
 * accepts the credential (an access token at a generic OpenID Connect provider, or an id_token at GitHub or
 * Facebook, is refused).
 */
public class ProviderVerification {

	private final Map<ProviderKind, SocialIdentityVerifier> verifiers;

	public ProviderVerification(Map<ProviderKind, SocialIdentityVerifier> verifiers) {
		Assert.notNull(verifiers, "verifiers cannot be null");
		this.verifiers = new EnumMap<>(ProviderKind.class);
		this.verifiers.putAll(verifiers);
	}

	/**
	 * Check a credential.
	 * @param provider the provider
	 * @param credential what the caller sent
	 * @return the identity it proves
	 * @throws UnsupportedCredentialException if the provider does not take this kind of credential
	 * @throws SocialCredentialRejectedException if it is not accepted
	 * @throws ProviderUnavailableException if the provider cannot answer
	 */
	public SocialIdentity verify(SocialProvider provider, SocialCredential credential) {
		Assert.notNull(provider, "provider cannot be null");
		Assert.notNull(credential, "credential cannot be null");
		if (credential instanceof SocialCredential.AuthorizationCode code
				&& !provider.allowsRedirectUri(code.redirectUri())) {
			throw UnsupportedCredentialException.redirectUri();
		}
		return verifyAllowed(provider, credential);
	}

	/**
	 * Check a code the provider sent to MyUser's own callback (whose redirect URI is not one a client names).
	 * @param provider the provider
	 * @param code the code
	 * @param callbackUri the callback URI the authorization request named
	 * @param codeVerifier the PKCE verifier of the authorization request
	 * @param nonce the nonce of the authorization request, if one was sent
	 * @return the identity it proves
	 */
	public SocialIdentity verifyCallback(SocialProvider provider, String code, String callbackUri, String codeVerifier,
			@Nullable String nonce) {
		return verifyAllowed(provider, new SocialCredential.AuthorizationCode(code, callbackUri, codeVerifier, nonce));
	}

	private SocialIdentity verifyAllowed(SocialProvider provider, SocialCredential credential) {
		SocialIdentityVerifier verifier = this.verifiers.get(provider.kind());
		if (verifier == null || !provider.kind().accepts(credential)) {
			throw UnsupportedCredentialException.of(provider, credential);
		}
		SocialIdentity identity = verifier.verify(provider, credential);
		Assert.state(identity.provider().equals(provider.id()), "an identity of another provider");
		return identity;
	}

}
