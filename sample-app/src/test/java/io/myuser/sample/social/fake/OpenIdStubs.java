package io.myuser.sample.social.fake;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.myuser.sample.social.fake.Stubs.jsonAnswer;
import static io.myuser.sample.social.fake.Stubs.map;
import static io.myuser.sample.social.fake.Stubs.when;

/**
 * What an OpenID Connect provider fake serves: its JWK set, id_tokens signed by its key, the authorization code
 * exchange at its token endpoint (RFC 6749 4.1.3, client authentication by Basic or form, optional PKCE) and its
 * userinfo endpoint (Bearer only). Subclasses give the paths and the provider's own wording of errors.
 */
abstract class OpenIdStubs {

	final WireMockServer server;

	final Clock clock;

	private final RSAKey key;

	private final String clientId;

	private final String clientSecret;

	private @Nullable FakeStub certs;

	OpenIdStubs(WireMockServer server, Clock clock, RSAKey key, String clientId, String clientSecret) {
		Assert.notNull(server, "server must not be null");
		Assert.notNull(clock, "clock must not be null");
		Assert.notNull(key, "key must not be null");
		this.server = server;
		this.clock = clock;
		this.key = key;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
	}

	/** The issuer its id_tokens carry. */
	abstract String issuer();

	abstract String certsPath();

	abstract String tokenPath();

	abstract String userinfoPath();

	/** The body of a token endpoint answer. */
	abstract Map<String, @Nullable Object> tokenAnswer(String accessToken, String idToken);

	/** An RFC 6749 5.2 error body with the provider's description. */
	abstract Map<String, @Nullable Object> tokenError(String error);

	/** The answer of the userinfo endpoint to a call without a known token. */
	abstract ResponseDefinitionBuilder userinfoRefusal();

	/** The client id of the registration, which id_tokens carry as {@code aud} and {@code azp}. */
	public String clientId() {
		return this.clientId;
	}

	/** The client secret of the registration. */
	public String clientSecret() {
		return this.clientSecret;
	}

	/** The served signing key, private part included. */
	public RSAKey key() {
		return this.key;
	}

	/**
	 * An id_token builder with the provider's claims: {@code iss}, {@code aud} and {@code azp} the client id,
	 * {@code sub} {@code "sub-1"}, {@code email} {@code "ada@example.com"} verified, issued now by the kit's
	 * clock and expiring an hour later, a random {@code jti}; signed RS256 with {@link #key()}.
	 * @return the builder
	 */
	public IdTokenBuilder idToken() {
		long now = this.clock.instant().getEpochSecond();
		return new IdTokenBuilder(this.key,
				map("iss", issuer(), "aud", this.clientId, "azp", this.clientId, "sub", "sub-1", "email",
						"ada@example.com", "email_verified", true, "iat", now, "exp", now + 3600, "jti",
						UUID.randomUUID().toString()));
	}

	/** The stub serving the JWK set, for faults and counts. */
	public FakeStub certs() {
		Assert.state(this.certs != null, "The fake providers are not started");
		return this.certs;
	}

	/**
	 * Exchange this code, with or without a PKCE {@code code_verifier}, for {@link #accessTokenFor(String)} and
	 * this id_token. The call must be a form POST with {@code grant_type=authorization_code}, the code, a
	 * {@code redirect_uri} and the client's credentials; otherwise the provider's RFC 6749 error answers.
	 * @param code the authorization code
	 * @param idToken the id_token to return
	 * @return the stub
	 */
	public FakeStub tokenEndpoint(String code, String idToken) {
		return exchange(code, null, idToken);
	}

	/**
	 * Exchange this code for {@link #accessTokenFor(String)} and this id_token, but only with this PKCE
	 * {@code code_verifier}; a missing or other verifier answers {@code invalid_grant}.
	 * @param code the authorization code
	 * @param codeVerifier the verifier the code is bound to
	 * @param idToken the id_token to return
	 * @return the stub
	 */
	public FakeStub tokenEndpoint(String code, String codeVerifier, String idToken) {
		Assert.hasText(codeVerifier, "codeVerifier must not be empty");
		return exchange(code, codeVerifier, idToken);
	}

	private FakeStub exchange(String code, @Nullable String codeVerifier, String idToken) {
		Assert.hasText(code, "code must not be empty");
		MappingBuilder request = post(urlPathEqualTo(tokenPath())).atPriority(Stubs.STUB)
			.andMatching(when((r) -> code.equals(Stubs.form(r, "code"))
					&& "authorization_code".equals(Stubs.form(r, "grant_type"))
					&& Stubs.form(r, "redirect_uri") != null && authenticated(r)
					&& (codeVerifier == null || codeVerifier.equals(Stubs.form(r, "code_verifier")))));
		return stub(request.willReturn(noStore(jsonAnswer(200, tokenAnswer(accessTokenFor(code), idToken)))));
	}

	/** The access token the token endpoint answers for a code: {@code "at-" + code}. */
	public String accessTokenFor(String code) {
		return "at-" + code;
	}

	/**
	 * Answer the userinfo endpoint with these claims for a call carrying this access token as
	 * {@code Authorization: Bearer}; any other call is refused with 401.
	 * @param accessToken the access token
	 * @param claims the claims, which should include {@code sub}
	 * @return the stub
	 */
	public FakeStub userinfo(String accessToken, Map<String, ?> claims) {
		Assert.hasText(accessToken, "accessToken must not be empty");
		return stub(get(urlPathEqualTo(userinfoPath())).atPriority(Stubs.STUB)
			.andMatching(when((r) -> Stubs.carriesBearer(r, accessToken, false)))
			.willReturn(jsonAnswer(200, claims)));
	}

	/** Serve the JWK set and the refusals of unknown codes and tokens, after a start or reset. */
	void install() {
		this.certs = stub(get(urlPathEqualTo(certsPath())).atPriority(Stubs.STUB)
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json; charset=UTF-8")
				.withHeader("Cache-Control", "public, max-age=21600, must-revalidate, no-transform")
				.withBody(new JWKSet(this.key.toPublicJWK()).toString())));
		this.server.stubFor(post(urlPathEqualTo(tokenPath())).atPriority(Stubs.REFUSAL)
			.andMatching(when((r) -> !authenticated(r)))
			.willReturn(noStore(jsonAnswer(401, tokenError("invalid_client")))));
		this.server.stubFor(post(urlPathEqualTo(tokenPath())).atPriority(Stubs.REFUSAL + 1)
			.andMatching(when((r) -> !"authorization_code".equals(Stubs.form(r, "grant_type"))))
			.willReturn(noStore(jsonAnswer(400, tokenError("unsupported_grant_type")))));
		this.server.stubFor(post(urlPathEqualTo(tokenPath())).atPriority(Stubs.REFUSAL + 1)
			.andMatching(when((r) -> Stubs.form(r, "redirect_uri") == null))
			.willReturn(noStore(jsonAnswer(400, tokenError("invalid_request")))));
		this.server.stubFor(post(urlPathEqualTo(tokenPath())).atPriority(Stubs.UNKNOWN)
			.willReturn(noStore(jsonAnswer(400, tokenError("invalid_grant")))));
		this.server.stubFor(get(urlPathEqualTo(userinfoPath())).atPriority(Stubs.UNKNOWN)
			.willReturn(userinfoRefusal()));
	}

	FakeStub stub(MappingBuilder... mappings) {
		return new FakeStub(this.server, List.of(mappings).stream().map(this.server::stubFor).toList());
	}

	private boolean authenticated(Request request) {
		return Stubs.clientAuthenticated(request, this.clientId, this.clientSecret, true);
	}

	private static ResponseDefinitionBuilder noStore(ResponseDefinitionBuilder response) {
		return response.withHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")
			.withHeader("Pragma", "no-cache");
	}

}
