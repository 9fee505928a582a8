package io.myuser.social.provider;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.util.Assert;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResponseErrorHandler;
import org.springframework.web.client.RestClient;

/**
 * Exchanges an authorization code at a provider's token endpoint, without any HTTP session: the redirect URI the
 * code was issued for and the PKCE verifier come from the caller (already checked), the client credentials from
 * the registration.
 */
public final class CodeExchanger {

	private final RestClientAuthorizationCodeTokenResponseClient client;

	public CodeExchanger(ProviderCalls calls) {
		Assert.notNull(calls, "calls cannot be null");
		List<HttpMessageConverter<?>> converters = List.of(new FormHttpMessageConverter(),
				new OAuth2AccessTokenResponseHttpMessageConverter());
		RestClient restClient = RestClient.builder()
			.requestFactory(calls.requestFactory())
			.messageConverters(converters)
			.defaultStatusHandler(new ServerErrorFirst())
			.build();
		this.client = new RestClientAuthorizationCodeTokenResponseClient();
		this.client.setRestClient(restClient);
	}

	/**
	 * Exchange a code.
	 * @param provider the provider
	 * @param code the code
	 * @param redirectUri the redirect URI it was issued for
	 * @param codeVerifier the PKCE verifier, if the authorization request had a challenge
	 * @return the provider's token answer (with the id_token, if any, among its additional parameters)
	 * @throws SocialCredentialRejectedException if the provider refuses the code
	 * @throws ProviderUnavailableException if the provider cannot be reached, is too slow or fails
	 */
	public OAuth2AccessTokenResponse exchange(SocialProvider provider, String code, String redirectUri,
			@Nullable String codeVerifier) {
		ClientRegistration registration = provider.registration();
		OAuth2AuthorizationRequest.Builder request = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(registration.getProviderDetails().getAuthorizationUri())
			.clientId(registration.getClientId())
			.redirectUri(redirectUri)
			.scopes(registration.getScopes())
			.state("none");
		if (codeVerifier != null) {
			request.attributes((attributes) -> attributes.put(PkceParameterNames.CODE_VERIFIER, codeVerifier));
		}
		OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
			.redirectUri(redirectUri)
			.state("none")
			.build();
		try {
			return this.client.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(registration,
					new OAuth2AuthorizationExchange(request.build(), response)));
		}
		catch (RuntimeException ex) {
			throw ProviderCalls.refusal(provider.id(), "token", ex);
		}
	}

	/** A 5xx is the provider failing; anything else an OAuth error answer. */
	private static final class ServerErrorFirst implements ResponseErrorHandler {

		private final OAuth2ErrorResponseErrorHandler oauth = new OAuth2ErrorResponseErrorHandler();

		@Override
		public boolean hasError(ClientHttpResponse response) throws IOException {
			return response.getStatusCode().isError();
		}

		@Override
		public void handleError(URI url, HttpMethod method, ClientHttpResponse response) throws IOException {
			HttpStatusCode status = response.getStatusCode();
			if (status.is5xxServerError()) {
				throw HttpServerErrorException.create(status, "provider failed", response.getHeaders(), new byte[0],
						null);
			}
			this.oauth.handleError(url, method, response);
		}

	}

}
