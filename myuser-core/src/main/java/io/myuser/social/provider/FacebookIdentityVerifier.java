package io.myuser.social.provider;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Facebook. Every user token, sent by a client or obtained by exchanging a code, is checked with
 * {@code debug_token} (asked with the app's own token): it must be valid and issued to this app, since any other
 * app's token for the same person would otherwise log in. Every Graph call carries the {@code appsecret_proof} of
 * the token it sends. Facebook addresses count as unverified: Facebook does not say that the person proved the
 * address is theirs.
 */
public final class FacebookIdentityVerifier implements SocialIdentityVerifier {

	private static final String FIELDS = "id,email,first_name,last_name,picture";

	private final CodeExchanger codes;

	private final RestClient rest;

	private final String graph;

	private final Clock clock;

	private final Duration appTokenTimeToLive;

	private volatile @Nullable AppToken appToken;

	public FacebookIdentityVerifier(CodeExchanger codes, ProviderCalls calls, URI graphApiUri, Clock clock,
			Duration appTokenTimeToLive) {
		Assert.notNull(codes, "codes cannot be null");
		Assert.notNull(calls, "calls cannot be null");
		Assert.notNull(graphApiUri, "graphApiUri cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		Assert.notNull(appTokenTimeToLive, "appTokenTimeToLive cannot be null");
		this.codes = codes;
		this.rest = calls.restClient();
		this.graph = StringUtils.trimTrailingCharacter(graphApiUri.toString(), '/');
		this.clock = clock;
		this.appTokenTimeToLive = appTokenTimeToLive;
	}

	@Override
	public SocialIdentity verify(SocialProvider provider, SocialCredential credential) {
		String userToken;
		if (credential instanceof SocialCredential.AccessToken token) {
			userToken = token.token();
		}
		else if (credential instanceof SocialCredential.AuthorizationCode code) {
			userToken = this.codes.exchange(provider, code.code(), code.redirectUri(), code.codeVerifier())
				.getAccessToken()
				.getTokenValue();
		}
		else {
			throw new SocialCredentialRejectedException();
		}
		String userId = debugToken(provider, userToken);
		JsonNode me = ProviderCalls.object(provider.id(), "me", () -> this.rest.get()
			.uri(UriComponentsBuilder.fromUriString(this.graph + "/me")
				.queryParam("fields", FIELDS)
				.queryParam("access_token", userToken)
				.queryParam("appsecret_proof", AppSecretProof.of(provider.clientSecret(), userToken))
				.encode()
				.build()
				.toUri())
			.retrieve()
			.body(JsonNode.class));
		if (!userId.equals(Claims.text(me, "id"))) {
			throw new SocialCredentialRejectedException();
		}
		String picture = Claims.text(me.path("picture").path("data"), "url");
		return new SocialIdentity(provider.id(), userId, Claims.text(me, "email"), false,
				Claims.first(Claims.text(me, "first_name")), Claims.first(Claims.text(me, "last_name")), picture, null);
	}

	/** Ask Facebook whether the user token is valid and this app's; return its user id. */
	private String debugToken(SocialProvider provider, String userToken) {
		String app = appToken(provider);
		JsonNode debug = ProviderCalls.object(provider.id(), "debug_token", () -> this.rest.get()
			.uri(UriComponentsBuilder.fromUriString(this.graph + "/debug_token")
				.queryParam("input_token", userToken)
				.queryParam("access_token", app)
				.queryParam("appsecret_proof", AppSecretProof.of(provider.clientSecret(), app))
				.encode()
				.build()
				.toUri())
			.retrieve()
			.body(JsonNode.class));
		JsonNode data = debug.path("data");
		String userId = Claims.text(data, "user_id");
		if (!Claims.truthy(data, "is_valid") || !provider.clientId().equals(Claims.text(data, "app_id"))
				|| userId == null) {
			throw new SocialCredentialRejectedException();
		}
		return userId;
	}

	private String appToken(SocialProvider provider) {
		Instant now = this.clock.instant();
		AppToken cached = this.appToken;
		if (cached != null && cached.clientId().equals(provider.clientId()) && now.isBefore(cached.expiresAt())) {
			return cached.token();
		}
		JsonNode answer;
		try {
			answer = ProviderCalls.object(provider.id(), "app-token", () -> this.rest.get()
			.uri(UriComponentsBuilder.fromUriString(this.graph + "/oauth/access_token")
				.queryParam("client_id", provider.clientId())
				.queryParam("client_secret", provider.clientSecret())
				.queryParam("grant_type", "client_credentials")
				.encode()
				.build()
				.toUri())
			.retrieve()
			.body(JsonNode.class));
		}
		catch (SocialCredentialRejectedException ex) {
			// The app's own credentials were refused: a configuration problem, not the caller's.
			throw new ProviderUnavailableException(provider.id());
		}
		String token = Claims.text(answer, "access_token");
		if (token == null) {
			// The app's own credentials were refused: a configuration problem, not the caller's.
			throw new ProviderUnavailableException(provider.id());
		}
		this.appToken = new AppToken(provider.clientId(), token, now.plus(this.appTokenTimeToLive));
		return token;
	}

	private record AppToken(String clientId, String token, Instant expiresAt) {

	}

}
