package io.myuser.social.provider;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * GitHub (an OAuth app). An access token sent by a client is first checked at the application's token endpoint
 * ({@code POST /applications/{client_id}/token}, authenticated as the app), which knows only tokens issued to this
 * app; a code is exchanged by MyUser itself. The person is {@code /user}, whose numeric {@code id} is the uid (the
 * {@code login} can be renamed and taken by someone else); the address is the primary one of
 * {@code /user/emails}, with its verified flag (none when the token may not read addresses).
 */
public final class GitHubIdentityVerifier implements SocialIdentityVerifier {

	private static final String API_VERSION = "2022-11-28";

	private final CodeExchanger codes;

	private final RestClient rest;

	private final String apiUri;

	public GitHubIdentityVerifier(CodeExchanger codes, ProviderCalls calls, URI apiUri) {
		Assert.notNull(codes, "codes cannot be null");
		Assert.notNull(calls, "calls cannot be null");
		Assert.notNull(apiUri, "apiUri cannot be null");
		this.codes = codes;
		this.rest = calls.restClient();
		this.apiUri = StringUtils.trimTrailingCharacter(apiUri.toString(), '/');
	}

	@Override
	public SocialIdentity verify(SocialProvider provider, SocialCredential credential) {
		if (credential instanceof SocialCredential.AccessToken token) {
			String checkedUserId = check(provider, token.token());
			return person(provider, token.token(), checkedUserId);
		}
		if (credential instanceof SocialCredential.AuthorizationCode code) {
			String accessToken = this.codes.exchange(provider, code.code(), code.redirectUri(), code.codeVerifier())
				.getAccessToken()
				.getTokenValue();
			return person(provider, accessToken, null);
		}
		throw new SocialCredentialRejectedException();
	}

	/** Ask GitHub whether the token belongs to this app; return the numeric id of its user. */
	private String check(SocialProvider provider, String accessToken) {
		JsonNode check = ProviderCalls.object(provider.id(), "token-check", () -> this.rest.post()
			.uri(this.apiUri + "/applications/{clientId}/token", provider.clientId())
			.headers((headers) -> {
				headers.setBasicAuth(provider.clientId(), provider.clientSecret());
				headers.set(HttpHeaders.ACCEPT, "application/vnd.github+json");
				headers.set("X-GitHub-Api-Version", API_VERSION);
			})
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("access_token", accessToken))
			.retrieve()
			.body(JsonNode.class));
		String appClientId = Claims.text(check.path("app"), "client_id");
		String userId = numericId(check.path("user"));
		if (!provider.clientId().equals(appClientId) || userId == null) {
			throw new SocialCredentialRejectedException();
		}
		return userId;
	}

	private SocialIdentity person(SocialProvider provider, String accessToken, @Nullable String checkedUserId) {
		JsonNode user = ProviderCalls.object(provider.id(), "user", () -> api(accessToken, "/user"));
		String id = numericId(user);
		if (id == null || (checkedUserId != null && !checkedUserId.equals(id))) {
			throw new SocialCredentialRejectedException();
		}
		JsonNode primary = primaryEmail(provider, accessToken);
		String email = (primary != null) ? Claims.text(primary, "email") : null;
		boolean verified = primary != null && Claims.truthy(primary, "verified");
		String name = Claims.first(Claims.text(user, "name"));
		int space = name.indexOf(' ');
		String firstName = (space < 0) ? name : name.substring(0, space);
		String lastName = (space < 0) ? "" : name.substring(space + 1);
		return new SocialIdentity(provider.id(), id, email, verified, firstName, lastName,
				Claims.text(user, "avatar_url"), Claims.text(user, "html_url"));
	}

	private @Nullable JsonNode primaryEmail(SocialProvider provider, String accessToken) {
		JsonNode emails;
		try {
			emails = ProviderCalls.json(provider.id(), "user-emails", () -> api(accessToken, "/user/emails"));
		}
		catch (SocialCredentialRejectedException ex) {
			// 404 or 403: the token may not read addresses (no user:email scope).
			return null;
		}
		if (!emails.isArray()) {
			return null;
		}
		for (JsonNode entry : emails) {
			if (Claims.truthy(entry, "primary")) {
				return entry;
			}
		}
		return null;
	}

	private @Nullable JsonNode api(String accessToken, String path) {
		return this.rest.get()
			.uri(this.apiUri + path)
			.headers((headers) -> {
				headers.setBearerAuth(accessToken);
				headers.set(HttpHeaders.ACCEPT, "application/vnd.github+json");
				headers.set("X-GitHub-Api-Version", API_VERSION);
			})
			.retrieve()
			.body(JsonNode.class);
	}

	private static @Nullable String numericId(JsonNode node) {
		JsonNode id = node.path("id");
		return (id.isIntegralNumber() && id.asLong() > 0) ? Long.toString(id.asLong()) : null;
	}

}
