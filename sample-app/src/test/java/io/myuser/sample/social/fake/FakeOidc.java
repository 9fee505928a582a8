package io.myuser.sample.social.fake;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.myuser.sample.social.fake.Stubs.jsonAnswer;
import static io.myuser.sample.social.fake.Stubs.map;

/**
 * A generic OpenID Connect provider, registration id {@code acme}, issuer {@code {base}/acme}: its discovery
 * document at {@code /acme/.well-known/openid-configuration} (served from the start, so that Boot's
 * {@code issuer-uri} discovery succeeds while the context starts), its JWK set at {@code /acme/jwks}, id_tokens
 * ({@link #idToken()}), the code exchange at {@code POST /acme/token} and {@code GET /acme/userinfo}.
 */
public final class FakeOidc extends OpenIdStubs {

	/** The registration id. */
	public static final String REGISTRATION_ID = "acme";

	private final Supplier<String> baseUrl;

	private @Nullable FakeStub discovery;

	FakeOidc(WireMockServer server, Clock clock, RSAKey key, Supplier<String> baseUrl) {
		super(server, clock, key, "acme-client", "acme-secret");
		Assert.notNull(baseUrl, "baseUrl must not be null");
		this.baseUrl = baseUrl;
	}

	/** The issuer, {@code {base}/acme}, as the discovery document and the id_tokens say it. */
	@Override
	public String issuer() {
		return this.baseUrl.get() + "/acme";
	}

	/** The stub serving the discovery document, for faults and counts. */
	public FakeStub discovery() {
		Assert.state(this.discovery != null, "The fake providers are not started");
		return this.discovery;
	}

	@Override
	void install() {
		super.install();
		String issuer = issuer();
		Map<String, @Nullable Object> document = map("issuer", issuer, "authorization_endpoint",
				issuer + "/authorize", "token_endpoint", issuer + tokenPath().substring("/acme".length()),
				"userinfo_endpoint", issuer + userinfoPath().substring("/acme".length()), "jwks_uri",
				issuer + certsPath().substring("/acme".length()), "scopes_supported",
				List.of("openid", "email", "profile"), "response_types_supported", List.of("code"),
				"response_modes_supported", List.of("query"), "grant_types_supported",
				List.of("authorization_code"), "subject_types_supported", List.of("public"),
				"id_token_signing_alg_values_supported", List.of("RS256"),
				"token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"),
				"claims_supported",
				List.of("iss", "sub", "aud", "exp", "iat", "nonce", "email", "email_verified", "name"),
				"code_challenge_methods_supported", List.of("S256"));
		this.discovery = stub(get(urlPathEqualTo("/acme/.well-known/openid-configuration")).atPriority(Stubs.STUB)
			.willReturn(jsonAnswer(200, document)));
	}

	@Override
	String certsPath() {
		return "/acme/jwks";
	}

	@Override
	String tokenPath() {
		return "/acme/token";
	}

	@Override
	String userinfoPath() {
		return "/acme/userinfo";
	}

	@Override
	Map<String, @Nullable Object> tokenAnswer(String accessToken, String idToken) {
		return map("access_token", accessToken, "token_type", "Bearer", "expires_in", 3600, "scope",
				"openid email profile", "id_token", idToken);
	}

	@Override
	Map<String, @Nullable Object> tokenError(String error) {
		return map("error", error);
	}

	@Override
	ResponseDefinitionBuilder userinfoRefusal() {
		return aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
	}

}
