package io.myuser.social.provider;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * Any OpenID Connect provider: an id_token (checked by {@link IdTokens}), or a code exchanged for one. An access
 * token alone is refused: nothing standard proves whom it was issued to. When the id_token of an exchange has no
 * address and the provider has a userinfo endpoint, the address comes from there, for the same subject.
 */
public final class OidcIdentityVerifier implements SocialIdentityVerifier {

	private static final Logger logger = LoggerFactory.getLogger(OidcIdentityVerifier.class);

	private final IdTokens idTokens;

	private final CodeExchanger codes;

	private final RestClient rest;

	public OidcIdentityVerifier(IdTokens idTokens, CodeExchanger codes, ProviderCalls calls) {
		Assert.notNull(idTokens, "idTokens cannot be null");
		Assert.notNull(codes, "codes cannot be null");
		Assert.notNull(calls, "calls cannot be null");
		this.idTokens = idTokens;
		this.codes = codes;
		this.rest = calls.restClient();
	}

	@Override
	public SocialIdentity verify(SocialProvider provider, SocialCredential credential) {
		if (credential instanceof SocialCredential.IdToken idToken) {
			return Claims.fromIdToken(provider, this.idTokens.verify(provider, idToken.token(), idToken.nonce()));
		}
		if (credential instanceof SocialCredential.AuthorizationCode code) {
			OAuth2AccessTokenResponse tokens = this.codes.exchange(provider, code.code(), code.redirectUri(),
					code.codeVerifier());
			return fromExchange(provider, tokens, code.nonce(), this.idTokens, this.rest);
		}
		throw new SocialCredentialRejectedException();
	}

	/**
	 * The identity of a code exchange's answer: its id_token, checked, with the address from the userinfo endpoint
	 * when the token has none.
	 */
	static SocialIdentity fromExchange(SocialProvider provider, OAuth2AccessTokenResponse tokens,
			@Nullable String nonce, IdTokens idTokens, RestClient rest) {
		Object idToken = tokens.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN);
		if (!(idToken instanceof String token) || token.isBlank()) {
			logger.debug("Social provider '{}': the code exchange returned no id_token", provider.id());
			throw new SocialCredentialRejectedException();
		}
		Jwt jwt = idTokens.verify(provider, token, nonce);
		SocialIdentity identity = Claims.fromIdToken(provider, jwt);
		String userInfoUri = provider.registration().getProviderDetails().getUserInfoEndpoint().getUri();
		if (identity.email() != null || !StringUtils.hasText(userInfoUri)) {
			return identity;
		}
		JsonNode info;
		try {
			info = rest.get()
				.uri(userInfoUri)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.getAccessToken().getTokenValue())
				.retrieve()
				.body(JsonNode.class);
		}
		catch (RuntimeException ex) {
			throw ProviderCalls.refusal(provider.id(), "userinfo", ex);
		}
		if (info == null || !identity.uid().equals(Claims.text(info, "sub"))) {
			throw new SocialCredentialRejectedException();
		}
		return new SocialIdentity(provider.id(), identity.uid(), Claims.text(info, "email"),
				Claims.truthy(info, "email_verified"), or(Claims.text(info, "given_name"), identity.firstName()),
				or(Claims.text(info, "family_name"), identity.lastName()),
				or(Claims.text(info, "picture"), identity.avatarUrl()), or(Claims.text(info, "profile"), identity.profileUrl()));
	}

	private static @Nullable String or(@Nullable String value,
			@Nullable String otherwise) {
		return (value != null) ? value : otherwise;
	}

}
