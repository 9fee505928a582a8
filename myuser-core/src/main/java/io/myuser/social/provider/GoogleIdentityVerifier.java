package io.myuser.social.provider;

import java.net.URI;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Google. An id_token is checked locally ({@link IdTokens}); an access token at the tokeninfo endpoint, which must
 * name this client as its audience before the userinfo endpoint is asked for the person, for
 * the same subject; a code is exchanged and its id_token checked.
 */
public final class GoogleIdentityVerifier implements SocialIdentityVerifier {

	private final IdTokens idTokens;

	private final CodeExchanger codes;

	private final RestClient rest;

	private final URI tokeninfoUri;

	public GoogleIdentityVerifier(IdTokens idTokens, CodeExchanger codes, ProviderCalls calls, URI tokeninfoUri) {
		Assert.notNull(idTokens, "idTokens cannot be null");
		Assert.notNull(codes, "codes cannot be null");
		Assert.notNull(calls, "calls cannot be null");
		Assert.notNull(tokeninfoUri, "tokeninfoUri cannot be null");
		this.idTokens = idTokens;
		this.codes = codes;
		this.rest = calls.restClient();
		this.tokeninfoUri = tokeninfoUri;
	}

	@Override
	public SocialIdentity verify(SocialProvider provider, SocialCredential credential) {
		if (credential instanceof SocialCredential.IdToken idToken) {
			return Claims.fromIdToken(provider, this.idTokens.verify(provider, idToken.token(), idToken.nonce()));
		}
		if (credential instanceof SocialCredential.AuthorizationCode code) {
			return OidcIdentityVerifier.fromExchange(provider,
					this.codes.exchange(provider, code.code(), code.redirectUri(), code.codeVerifier()), code.nonce(),
					this.idTokens, this.rest);
		}
		if (credential instanceof SocialCredential.AccessToken token) {
			return fromAccessToken(provider, token.token());
		}
		throw new SocialCredentialRejectedException();
	}

	private SocialIdentity fromAccessToken(SocialProvider provider, String accessToken) {
		JsonNode info = ProviderCalls.object(provider.id(), "tokeninfo", () -> this.rest.get()
			.uri(UriComponentsBuilder.fromUri(this.tokeninfoUri)
				.queryParam("access_token", accessToken)
				.encode()
				.build()
				.toUri())
			.retrieve()
			.body(JsonNode.class));
		String clientId = provider.clientId();
		// Issued for this client: the audience is ours (an authorized party of another client of the project is
		// accepted as for id_tokens, if listed when a list is set).
		String authorizedParty = Claims.text(info, "azp");
		boolean ours = clientId.equals(Claims.text(info, "aud")) && (authorizedParty == null
				|| clientId.equals(authorizedParty) || provider.authorizedParties().isEmpty()
				|| provider.authorizedParties().contains(authorizedParty));
		String subject = Claims.text(info, "sub");
		if (!ours || subject == null || Claims.text(info, "error_description") != null) {
			throw new SocialCredentialRejectedException();
		}
		String userInfoUri = provider.registration().getProviderDetails().getUserInfoEndpoint().getUri();
		JsonNode person = ProviderCalls.object(provider.id(), "userinfo", () -> this.rest.get()
			.uri(userInfoUri)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
			.retrieve()
			.body(JsonNode.class));
		if (!subject.equals(Claims.text(person, "sub"))) {
			throw new SocialCredentialRejectedException();
		}
		// The address the token was issued for (tokeninfo) wins over the profile's.
		String email = (Claims.text(info, "email") != null) ? Claims.text(info, "email") : Claims.text(person, "email");
		boolean verified = (Claims.text(info, "email") != null) ? Claims.truthy(info, "email_verified")
				: Claims.truthy(person, "email_verified");
		return new SocialIdentity(provider.id(), subject, email, verified, Claims.first(Claims.text(person, "given_name")),
				Claims.first(Claims.text(person, "family_name")), Claims.text(person, "picture"), null);
	}

}
