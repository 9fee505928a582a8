package io.myuser.social.provider;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.util.Assert;

/**
 * One configured provider, as MyUser uses it.
 *
 * @param id the registration id, which is the {@code {provider}} of the routes
 * @param kind how MyUser talks to it
 * @param registration Spring's client registration (Facebook's endpoints moved to the configured Graph version)
 * @param redirectUris the redirect URIs a client may name with an authorization code
 * @param issuer the issuer its id_tokens must carry, if it issues id_tokens
 * @param idTokenAlgorithms the signature algorithms accepted on its id_tokens
 * @param authorizedParties Google: the other client ids whose id_tokens are accepted; empty accepts any
 */
public record SocialProvider(String id, ProviderKind kind, ClientRegistration registration, List<String> redirectUris,
		@Nullable String issuer, Set<SignatureAlgorithm> idTokenAlgorithms, List<String> authorizedParties) {

	public SocialProvider {
		Assert.hasText(id, "id cannot be empty");
		Assert.notNull(kind, "kind cannot be null");
		Assert.notNull(registration, "registration cannot be null");
		redirectUris = List.copyOf(redirectUris);
		idTokenAlgorithms = Set.copyOf(idTokenAlgorithms);
		authorizedParties = List.copyOf(authorizedParties);
	}

	/**
	 * Return the name to show for the provider (the registration's client name).
	 * @return the name
	 */
	public String displayName() {
		String name = this.registration.getClientName();
		return (name != null && !name.isBlank()) ? name : this.id;
	}

	/**
	 * Return the client id this application has at the provider.
	 * @return the client id
	 */
	public String clientId() {
		return this.registration.getClientId();
	}

	/**
	 * Return the client secret this application has at the provider, for the calls that authenticate as the app.
	 * @return the secret
	 * @throws IllegalStateException if the registration has none
	 */
	public String clientSecret() {
		String secret = this.registration.getClientSecret();
		if (secret == null || secret.isBlank()) {
			throw new IllegalStateException("The client registration '" + this.id + "' has no client secret");
		}
		return secret;
	}

	/**
	 * Return whether a client may name a redirect URI with an authorization code.
	 * @param redirectUri the URI
	 * @return whether it is one of the allowed ones, exactly
	 */
	public boolean allowsRedirectUri(String redirectUri) {
		return this.redirectUris.contains(redirectUri);
	}

}
