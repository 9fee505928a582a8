package io.myuser.sample.social.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.config.oauth2.client.CommonOAuth2Provider;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fake providers answer as the real ones do, driven by a plain HTTP client: the right call gets the
 * provider's answer with the provider's field names and types, and a call with a wrong credential, proof, token
 * or code gets the provider's refusal instead.
 */
class FakeProvidersTests {

	private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

	private static final FakeProviders fakes = new FakeProviders(Clock.fixed(NOW, ZoneOffset.UTC));

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@BeforeAll
	static void start() {
		fakes.start();
	}

	@AfterAll
	static void stop() {
		fakes.stop();
	}

	@AfterEach
	void reset() {
		fakes.reset();
	}

	// Start-up: properties, JWK sets, discovery

	@Test
	void propertiesPointMyUserAtTheServer() {
		String base = fakes.baseUrl();
		String registration = "spring.security.oauth2.client.registration.";
		String provider = "spring.security.oauth2.client.provider.";
		assertThat(fakes.properties()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
				Map.entry(registration + "google.client-id", "google-client"),
				Map.entry(registration + "google.client-secret", "google-secret"),
				Map.entry(provider + "google.jwk-set-uri", base + "/google/certs"),
				Map.entry(provider + "google.token-uri", base + "/google/token"),
				Map.entry(provider + "google.user-info-uri", base + "/google/userinfo"),
				Map.entry("myuser.social.google.tokeninfo-uri", base + "/google/tokeninfo"),
				Map.entry(registration + "github.client-id", "github-client"),
				Map.entry(registration + "github.client-secret", "github-secret"),
				Map.entry(provider + "github.token-uri", base + "/github/login/oauth/access_token"),
				Map.entry("myuser.social.github.api-uri", base + "/github-api"),
				Map.entry(registration + "facebook.client-id", "facebook-app"),
				Map.entry(registration + "facebook.client-secret", "facebook-secret"),
				Map.entry("myuser.social.facebook.graph-api-uri", base + "/graph/v23.0"),
				Map.entry(registration + "acme.client-id", "acme-client"),
				Map.entry(registration + "acme.client-secret", "acme-secret"),
				Map.entry(registration + "acme.authorization-grant-type", "authorization_code"),
				Map.entry(registration + "acme.redirect-uri", "{baseUrl}/x"),
				Map.entry(registration + "acme.scope", "openid,email,profile"),
				Map.entry(provider + "acme.issuer-uri", base + "/acme")));
		assertThat(base).startsWith("http://127.0.0.1:").doesNotEndWith("/");
	}

	@Test
	void jwkSetsServeThePublicHalvesOfRsa2048KeysWithKeyIds() throws Exception {
		for (String path : List.of("/google/certs", "/acme/jwks")) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).isEqualTo(200);
			JWKSet set = JWKSet.parse(response.body());
			assertThat(set.getKeys()).singleElement().isInstanceOf(RSAKey.class);
			RSAKey key = (RSAKey) set.getKeys().get(0);
			assertThat(key.isPrivate()).isFalse();
			assertThat(key.size()).isEqualTo(2048);
			assertThat(key.getKeyID()).isNotBlank();
			assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
			assertThat(response.body()).doesNotContain("\"d\"").doesNotContain("\"p\"");
		}
		assertThat(JWKSet.parse(get("/google/certs").body()).getKeys().get(0))
			.isEqualTo(fakes.google().key().toPublicJWK());
		assertThat(JWKSet.parse(get("/acme/jwks").body()).getKeys().get(0))
			.isEqualTo(fakes.acme().key().toPublicJWK());
		assertThat(fakes.google().key().getKeyID()).isNotEqualTo(fakes.acme().key().getKeyID());
	}

	@Test
	void acmeDiscoveryIsWhatSpringReadsForAnIssuerUri() {
		String issuer = fakes.baseUrl() + "/acme";
		ClientRegistration registration = ClientRegistrations.fromIssuerLocation(issuer)
			.registrationId("acme")
			.clientId("acme-client")
			.clientSecret("acme-secret")
			.redirectUri("{baseUrl}/x")
			.build();
		assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo(issuer);
		assertThat(registration.getProviderDetails().getJwkSetUri()).isEqualTo(issuer + "/jwks");
		assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo(issuer + "/token");
		assertThat(registration.getProviderDetails().getUserInfoEndpoint().getUri()).isEqualTo(issuer + "/userinfo");
		assertThat(registration.getProviderDetails().getAuthorizationUri()).isEqualTo(issuer + "/authorize");
		assertThat(registration.getClientAuthenticationMethod())
			.isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		assertThat(fakes.acme().issuer()).isEqualTo(issuer);
		assertThat(fakes.acme().discovery().count()).isEqualTo(1);
	}

	@Test
	void resetForgetsStubsAndCallsButServesTheFixedDocumentsAgain() throws Exception {
		fakes.google().tokeninfo("at-1", "google-client", "google-client", "sub-1", null, null);
		fakes.google().certs().failing(503);
		assertThat(get("/google/tokeninfo" + query("access_token", "at-1")).statusCode()).isEqualTo(200);
		assertThat(get("/google/certs").statusCode()).isEqualTo(503);
		fakes.reset();
		assertThat(fakes.requestsTo("/")).isEmpty();
		assertThat(get("/google/tokeninfo" + query("access_token", "at-1")).statusCode()).isEqualTo(400);
		assertThat(get("/google/certs").statusCode()).isEqualTo(200);
		assertThat(get("/acme/.well-known/openid-configuration").statusCode()).isEqualTo(200);
		assertThat(get(appTokenPath("facebook-secret")).statusCode()).isEqualTo(200);
	}

	// Google

	@Test
	void googleIdTokenCarriesGoogleClaimsSignedWithTheServedKey() throws Exception {
		String token = fakes.google().idToken().build();
		SignedJWT jwt = SignedJWT.parse(token);
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(servedGoogleKey().getKeyID());
		assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");
		assertThat(jwt.verify(new RSASSAVerifier(servedGoogleKey()))).isTrue();
		JsonNode claims = payload(token);
		assertThat(claims.get("iss").asString()).isEqualTo("https://accounts.google.com");
		assertThat(claims.get("aud").isString()).isTrue();
		assertThat(claims.get("aud").asString()).isEqualTo("google-client");
		assertThat(claims.get("azp").asString()).isEqualTo("google-client");
		assertThat(claims.get("sub").asString()).isEqualTo("sub-1");
		assertThat(claims.get("email").asString()).isEqualTo("ada@example.com");
		assertThat(claims.get("email_verified").isBoolean()).isTrue();
		assertThat(claims.get("email_verified").asBoolean()).isTrue();
		assertThat(claims.get("iat").isIntegralNumber()).isTrue();
		assertThat(claims.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
		assertThat(claims.get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 3600);
		assertThat(claims.get("jti").asString()).isNotBlank();
		assertThat(claims.has("nonce")).isFalse();
		assertThat(payload(fakes.google().idToken().build()).get("jti").asString())
			.isNotEqualTo(claims.get("jti").asString());
	}

	@Test
	void idTokenClaimsCanBeChangedRemovedAndAdded() throws Exception {
		String token = fakes.google()
			.idToken()
			.issuer("accounts.google.com")
			.audience("google-client", "android-client")
			.authorizedParty("android-client")
			.subject("sub-2")
			.email("bob@example.com")
			.emailVerified("true")
			.issuedAt(NOW.minusSeconds(60))
			.expiresAt(NOW.plusSeconds(60))
			.jwtId("jti-1")
			.nonce("nonce-1")
			.claim("picture", "https://example.com/p.png")
			.without("azp")
			.build();
		JsonNode claims = payload(token);
		assertThat(claims.get("iss").asString()).isEqualTo("accounts.google.com");
		assertThat(claims.get("aud").isArray()).isTrue();
		assertThat(claims.get("aud").values()).extracting(JsonNode::asString)
			.containsExactly("google-client", "android-client");
		assertThat(claims.has("azp")).isFalse();
		assertThat(claims.get("sub").asString()).isEqualTo("sub-2");
		assertThat(claims.get("email").asString()).isEqualTo("bob@example.com");
		assertThat(claims.get("email_verified").isString()).isTrue();
		assertThat(claims.get("email_verified").asString()).isEqualTo("true");
		assertThat(claims.get("iat").asLong()).isEqualTo(NOW.getEpochSecond() - 60);
		assertThat(claims.get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 60);
		assertThat(claims.get("jti").asString()).isEqualTo("jti-1");
		assertThat(claims.get("nonce").asString()).isEqualTo("nonce-1");
		assertThat(claims.get("picture").asString()).isEqualTo("https://example.com/p.png");
		assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(servedGoogleKey()))).isTrue();

		String bare = fakes.google().idToken().without("exp", "iat", "jti", "email", "email_verified").keyId(null)
			.type(null).build();
		assertThat(payload(bare).propertyNames()).containsExactly("iss", "aud", "azp", "sub");
		assertThat(header(bare).propertyNames()).containsExactly("alg");
	}

	@Test
	void idTokenSignedWithAnotherKeyUnderTheServedKeyIdFailsTheServedKey() throws Exception {
		RSAKey forger = FakeProviders.rsaKey(servedGoogleKey().getKeyID());
		SignedJWT jwt = SignedJWT.parse(fakes.google().idToken().signedWith(forger).build());
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(servedGoogleKey().getKeyID());
		assertThat(jwt.verify(new RSASSAVerifier(servedGoogleKey()))).isFalse();
		assertThat(jwt.verify(new RSASSAVerifier(forger.toPublicJWK()))).isTrue();

		SignedJWT otherKid = SignedJWT.parse(fakes.google().idToken().signedWith(FakeProviders.rsaKey("k2")).build());
		assertThat(otherKid.getHeader().getKeyID()).isEqualTo("k2");
	}

	@Test
	void hs256TokenIsAnHmacUnderTheGivenSecret() throws Exception {
		byte[] secret = "a-32-byte-secret-for-hmac-sha256".getBytes(StandardCharsets.UTF_8);
		String token = fakes.google().idToken().signedWithHs256(secret).build();
		JWT parsed = JWTParser.parse(token);
		assertThat(parsed).isInstanceOf(SignedJWT.class);
		SignedJWT jwt = (SignedJWT) parsed;
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
		assertThat(jwt.getHeader().getKeyID()).isNull();
		assertThat(jwt.verify(new MACVerifier(secret))).isTrue();
		assertThat(jwt.verify(new MACVerifier("another-32-byte-secret-for-hmacs".getBytes(StandardCharsets.UTF_8))))
			.isFalse();
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("https://accounts.google.com");

		// A secret shorter than Nimbus's MAC minimum, such as the client secret, still signs.
		String weak = fakes.google().idToken().signedWithHs256("google-secret").keyId("google-key-1").build();
		String[] parts = weak.split("\\.");
		assertThat(parts[2]).isEqualTo(Base64.getUrlEncoder().withoutPadding()
			.encodeToString(hmac("google-secret", parts[0] + "." + parts[1])));
		assertThat(SignedJWT.parse(weak).getHeader().getKeyID()).isEqualTo("google-key-1");
	}

	@Test
	void unsignedTokenIsAPlainJwt() throws Exception {
		String token = fakes.google().idToken().subject("sub-9").unsigned().build();
		assertThat(token).endsWith(".");
		JWT parsed = JWTParser.parse(token);
		assertThat(parsed).isInstanceOf(PlainJWT.class);
		assertThat(parsed.getHeader().getAlgorithm().getName()).isEqualTo("none");
		assertThat(parsed.getJWTClaimsSet().getSubject()).isEqualTo("sub-9");
		assertThat(header(token).has("kid")).isFalse();
	}

	@Test
	void tokeninfoAnswersAKnownAccessTokenWithStringsAndRefusesOthers() throws Exception {
		fakes.google().tokeninfo("ya29.at-1", "google-client", "android-client", "sub-1", "ada@example.com", "true");
		HttpResponse<String> known = get("/google/tokeninfo" + query("access_token", "ya29.at-1"));
		assertThat(known.statusCode()).isEqualTo(200);
		JsonNode info = json(known);
		assertThat(info.propertyNames()).containsExactly("azp", "aud", "sub", "scope", "exp", "expires_in", "email",
				"email_verified", "access_type");
		assertThat(info.get("aud").asString()).isEqualTo("google-client");
		assertThat(info.get("azp").asString()).isEqualTo("android-client");
		assertThat(info.get("sub").asString()).isEqualTo("sub-1");
		assertThat(info.get("email").asString()).isEqualTo("ada@example.com");
		assertThat(info.get("email_verified").isString()).isTrue();
		assertThat(info.get("email_verified").asString()).isEqualTo("true");
		assertThat(info.get("exp").isString()).isTrue();
		assertThat(info.get("exp").asString()).isEqualTo(String.valueOf(NOW.getEpochSecond() + 3599));
		assertThat(info.get("expires_in").asString()).isEqualTo("3599");
		assertThat(info.get("scope").asString()).contains("openid");

		fakes.google().tokeninfo("ya29.at-2", "google-client", "google-client", "sub-2", null, null);
		assertThat(json(get("/google/tokeninfo" + query("access_token", "ya29.at-2"))).has("email")).isFalse();

		for (String path : List.of("/google/tokeninfo" + query("access_token", "ya29.unknown"),
				"/google/tokeninfo" + query("id_token", "ya29.at-1"), "/google/tokeninfo")) {
			HttpResponse<String> refused = get(path);
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.body()).isEqualTo("{\"error_description\":\"Invalid Value\"}");
		}
	}

	@Test
	void userinfoAnswersOnlyTheBearerToken() throws Exception {
		fakes.google().userinfo("ya29.at-1", "sub-1", "ada@example.com", "Ada", "Lovelace", "https://p/a.png");
		HttpResponse<String> ok = get("/google/userinfo", "Authorization", "Bearer ya29.at-1");
		assertThat(ok.statusCode()).isEqualTo(200);
		JsonNode user = json(ok);
		assertThat(user.get("sub").asString()).isEqualTo("sub-1");
		assertThat(user.get("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(user.get("given_name").asString()).isEqualTo("Ada");
		assertThat(user.get("family_name").asString()).isEqualTo("Lovelace");
		assertThat(user.get("picture").asString()).isEqualTo("https://p/a.png");
		assertThat(user.get("email_verified").isBoolean()).isTrue();
		assertThat(get("/google/userinfo", "Authorization", "bearer ya29.at-1").statusCode()).isEqualTo(200);

		for (HttpResponse<String> refused : List.of(get("/google/userinfo" + query("access_token", "ya29.at-1")),
				get("/google/userinfo", "Authorization", "Bearer ya29.other"), get("/google/userinfo"))) {
			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
					(value) -> assertThat(value).startsWith("Bearer").contains("invalid_token"));
			assertThat(json(refused).get("error_description").asString()).isEqualTo("Invalid Credentials");
		}
	}

	@Test
	void googleTokenEndpointExchangesAKnownCodeForTheClient() throws Exception {
		String idToken = fakes.google().idToken().build();
		fakes.google().tokenEndpoint("code-1", idToken);
		Map<String, String> exchange = Map.of("grant_type", "authorization_code", "code", "code-1", "redirect_uri",
				"https://app.example/cb");

		HttpResponse<String> basic = postForm("/google/token", exchange, "Authorization",
				basic("google-client", "google-secret"), "Accept", "application/json");
		assertThat(basic.statusCode()).isEqualTo(200);
		JsonNode answer = json(basic);
		assertThat(answer.get("access_token").asString()).isEqualTo(fakes.google().accessTokenFor("code-1"));
		assertThat(answer.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(answer.get("expires_in").isIntegralNumber()).isTrue();
		assertThat(answer.get("id_token").asString()).isEqualTo(idToken);
		assertThat(basic.headers().firstValue("Cache-Control")).hasValueSatisfying(
				(value) -> assertThat(value).contains("no-store"));

		Map<String, String> posted = new HashMap<>(exchange);
		posted.put("client_id", "google-client");
		posted.put("client_secret", "google-secret");
		posted.put("code_verifier", "any-verifier");
		assertThat(postForm("/google/token", posted).statusCode()).isEqualTo(200);

		HttpResponse<String> unknown = postForm("/google/token",
				Map.of("grant_type", "authorization_code", "code", "code-2", "redirect_uri", "https://app.example/cb"),
				"Authorization", basic("google-client", "google-secret"));
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(json(unknown).get("error").asString()).isEqualTo("invalid_grant");

		HttpResponse<String> wrongSecret = postForm("/google/token", exchange, "Authorization",
				basic("google-client", "wrong"));
		assertThat(wrongSecret.statusCode()).isEqualTo(401);
		assertThat(json(wrongSecret).get("error").asString()).isEqualTo("invalid_client");

		HttpResponse<String> noRedirect = postForm("/google/token",
				Map.of("grant_type", "authorization_code", "code", "code-1"), "Authorization",
				basic("google-client", "google-secret"));
		assertThat(noRedirect.statusCode()).isEqualTo(400);
		assertThat(json(noRedirect).get("error").asString()).isEqualTo("invalid_request");
	}

	@Test
	void pkceTokenEndpointNeedsTheVerifier() throws Exception {
		fakes.acme().tokenEndpoint("code-1", "verifier-1", fakes.acme().idToken().build());
		Map<String, String> exchange = Map.of("grant_type", "authorization_code", "code", "code-1", "redirect_uri",
				"https://app.example/cb");
		String auth = basic("acme-client", "acme-secret");
		Map<String, String> withVerifier = new HashMap<>(exchange);
		withVerifier.put("code_verifier", "verifier-1");
		assertThat(postForm("/acme/token", withVerifier, "Authorization", auth).statusCode()).isEqualTo(200);
		withVerifier.put("code_verifier", "verifier-2");
		assertThat(json(postForm("/acme/token", withVerifier, "Authorization", auth)).get("error").asString())
			.isEqualTo("invalid_grant");
		HttpResponse<String> without = postForm("/acme/token", exchange, "Authorization", auth);
		assertThat(without.statusCode()).isEqualTo(400);
		assertThat(json(without).get("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void acmeMintsTokensForItsIssuerAndServesUserinfo() throws Exception {
		String token = fakes.acme().idToken().nonce("n-1").build();
		SignedJWT jwt = SignedJWT.parse(token);
		assertThat(jwt.verify(new RSASSAVerifier((RSAKey) JWKSet.parse(get("/acme/jwks").body()).getKeys().get(0))))
			.isTrue();
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(fakes.baseUrl() + "/acme");
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("acme-client");
		assertThat(jwt.getJWTClaimsSet().getStringClaim("nonce")).isEqualTo("n-1");

		fakes.acme().userinfo("at-x", Map.of("sub", "sub-1", "email", "ada@example.com"));
		assertThat(json(get("/acme/userinfo", "Authorization", "Bearer at-x")).get("email").asString())
			.isEqualTo("ada@example.com");
		HttpResponse<String> refused = get("/acme/userinfo", "Authorization", "Bearer at-y");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
	}

	// GitHub

	@Test
	void githubTokenCheckAnswersOurAppsTokenForOurBasicCredentialsOnly() throws Exception {
		fakes.github().token("gho_known", 4242, "octocat");
		String path = "/github-api/applications/github-client/token";
		String body = "{\"access_token\":\"gho_known\"}";
		HttpResponse<String> ok = postJson(path, body, "Authorization", basic("github-client", "github-secret"),
				"Accept", "application/vnd.github+json", "X-GitHub-Api-Version", "2022-11-28");
		assertThat(ok.statusCode()).isEqualTo(200);
		JsonNode check = json(ok);
		assertThat(check.get("id").isIntegralNumber()).isTrue();
		assertThat(check.get("token").asString()).isEqualTo("gho_known");
		assertThat(check.get("app").get("client_id").asString()).isEqualTo("github-client");
		assertThat(check.get("user").get("id").isIntegralNumber()).isTrue();
		assertThat(check.get("user").get("id").asLong()).isEqualTo(4242);
		assertThat(check.get("user").get("login").asString()).isEqualTo("octocat");
		assertThat(check.get("scopes").values()).extracting(JsonNode::asString).contains("user:email");

		for (HttpResponse<String> refused : List.of(
				postJson(path, "{\"access_token\":\"gho_unknown\"}", "Authorization",
						basic("github-client", "github-secret")),
				postJson(path, body, "Authorization", basic("github-client", "wrong")), postJson(path, body),
				postJson("/github-api/applications/other-client/token", body, "Authorization",
						basic("other-client", "github-secret")))) {
			assertThat(refused.statusCode()).isEqualTo(404);
			assertThat(json(refused).get("message").asString()).isEqualTo("Not Found");
		}

		fakes.github().token("gho_foreign", 1, "mallory", "other-app");
		assertThat(json(postJson(path, "{\"access_token\":\"gho_foreign\"}", "Authorization",
				basic("github-client", "github-secret"))).get("app").get("client_id").asString())
			.isEqualTo("other-app");
	}

	@Test
	void githubUserAndEmailsAnswerTheBearerToken() throws Exception {
		fakes.github().user("gho_1", 4242, "octocat", "Mona Lisa Octocat");
		fakes.github().emails("gho_1", FakeGitHub.Email.secondary("verified@example.com", true),
				FakeGitHub.Email.primary("primary@example.com", false));
		fakes.github().emailsRefused("gho_2", 404);

		JsonNode user = json(get("/github-api/user", "Authorization", "Bearer gho_1"));
		assertThat(user.get("id").isIntegralNumber()).isTrue();
		assertThat(user.get("id").asLong()).isEqualTo(4242);
		assertThat(user.get("login").asString()).isEqualTo("octocat");
		assertThat(user.get("name").asString()).isEqualTo("Mona Lisa Octocat");
		assertThat(user.get("avatar_url").asString()).isEqualTo("https://avatars.githubusercontent.com/u/4242?v=4");
		assertThat(user.get("html_url").asString()).isEqualTo("https://github.com/octocat");
		assertThat(get("/github-api/user", "Authorization", "token gho_1").statusCode()).isEqualTo(200);

		JsonNode emails = json(get("/github-api/user/emails", "Authorization", "Bearer gho_1"));
		assertThat(emails.isArray()).isTrue();
		assertThat(emails.get(0).propertyNames()).containsExactly("email", "primary", "verified", "visibility");
		assertThat(emails.get(1).get("email").asString()).isEqualTo("primary@example.com");
		assertThat(emails.get(1).get("primary").asBoolean()).isTrue();
		assertThat(emails.get(1).get("verified").isBoolean()).isTrue();
		assertThat(emails.get(1).get("verified").asBoolean()).isFalse();
		assertThat(emails.get(0).get("visibility").isNull()).isTrue();

		assertThat(get("/github-api/user/emails", "Authorization", "Bearer gho_2").statusCode()).isEqualTo(404);
		HttpResponse<String> anonymous = get("/github-api/user");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(json(anonymous).get("message").asString()).isEqualTo("Requires authentication");
		HttpResponse<String> unknown = get("/github-api/user/emails", "Authorization", "Bearer gho_3");
		assertThat(unknown.statusCode()).isEqualTo(401);
		assertThat(json(unknown).get("message").asString()).isEqualTo("Bad credentials");
	}

	@Test
	void githubRefusesApiCallsWithoutAUserAgent() throws Exception {
		fakes.github().user("gho_1", 1, "octocat", null);
		URI base = URI.create(fakes.baseUrl());
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			OutputStream out = socket.getOutputStream();
			String request = "GET /github-api/user HTTP/1.1\r\nHost: " + base.getAuthority()
					+ "\r\nAuthorization: Bearer gho_1\r\nConnection: close\r\n\r\n";
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 403").contains("User-Agent");
		}
		assertThat(get("/github-api/user", "Authorization", "Bearer gho_1").statusCode()).isEqualTo(200);
	}

	@Test
	void githubCodeExchangeAnswersJsonOnlyWhenAskedAndErrorsWithStatus200() throws Exception {
		fakes.github().codeExchange("code-1", "gho_new");
		String path = "/github/login/oauth/access_token";
		Map<String, String> form = Map.of("client_id", "github-client", "client_secret", "github-secret", "code",
				"code-1", "redirect_uri", "https://app.example/cb");

		HttpResponse<String> asJson = postForm(path, form, "Accept", "application/json");
		assertThat(asJson.statusCode()).isEqualTo(200);
		assertThat(asJson.headers().firstValue("Content-Type")).hasValueSatisfying(
				(value) -> assertThat(value).startsWith("application/json"));
		assertThat(json(asJson).get("access_token").asString()).isEqualTo("gho_new");
		assertThat(json(asJson).get("token_type").asString()).isEqualTo("bearer");

		HttpResponse<String> asForm = postForm(path, form);
		assertThat(asForm.headers().firstValue("Content-Type")).hasValueSatisfying(
				(value) -> assertThat(value).startsWith("application/x-www-form-urlencoded"));
		assertThat(asForm.body()).isEqualTo("access_token=gho_new&token_type=bearer&scope=read%3Auser%2Cuser%3Aemail");

		assertThat(postForm(path, Map.of("code", "code-1", "redirect_uri", "https://app.example/cb"), "Authorization",
				basic("github-client", "github-secret"), "Accept", "application/json").statusCode()).isEqualTo(200);

		HttpResponse<String> unknown = postForm(path, Map.of("client_id", "github-client", "client_secret",
				"github-secret", "code", "code-2"), "Accept", "application/json");
		assertThat(unknown.statusCode()).isEqualTo(200);
		assertThat(json(unknown).get("error").asString()).isEqualTo("bad_verification_code");
		assertThat(json(unknown).has("access_token")).isFalse();

		HttpResponse<String> wrongSecret = postForm(path,
				Map.of("client_id", "github-client", "client_secret", "nope", "code", "code-1"), "Accept",
				"application/json");
		assertThat(wrongSecret.statusCode()).isEqualTo(200);
		assertThat(json(wrongSecret).get("error").asString()).isEqualTo("incorrect_client_credentials");
	}

	// Facebook

	@Test
	void appsecretProofIsLowercaseHexHmacSha256OfTheTokenKeyedByTheSecret() {
		assertThat(FakeFacebook.appsecretProof("key", "The quick brown fox jumps over the lazy dog"))
			.isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
		assertThat(fakes.facebook().appsecretProof("t")).isEqualTo(FakeFacebook.appsecretProof("facebook-secret", "t"));
	}

	@Test
	void facebookAppTokenNeedsTheAppSecret() throws Exception {
		HttpResponse<String> ok = get(appTokenPath("facebook-secret"));
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(json(ok).get("access_token").asString()).isEqualTo(fakes.facebook().appAccessToken());
		assertThat(json(ok).get("token_type").asString()).isEqualTo("bearer");
		HttpResponse<String> wrong = get(appTokenPath("wrong"));
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(json(wrong).get("error").get("type").asString()).isEqualTo("OAuthException");
		assertThat(json(wrong).get("error").get("code").asInt()).isEqualTo(1);
		assertThat(fakes.facebook().appToken().count()).isEqualTo(1);
	}

	@Test
	void debugTokenAnswersOnlyACallWithTheAppTokenAndItsProof() throws Exception {
		FakeFacebook facebook = fakes.facebook();
		facebook.debugToken("EAA-user", "10001");
		String app = facebook.appAccessToken();

		HttpResponse<String> ok = get(debugPath("EAA-user", app, facebook.appsecretProof(app)));
		assertThat(ok.statusCode()).isEqualTo(200);
		JsonNode data = json(ok).get("data");
		assertThat(data.get("app_id").asString()).isEqualTo("facebook-app");
		assertThat(data.get("is_valid").isBoolean()).isTrue();
		assertThat(data.get("is_valid").asBoolean()).isTrue();
		assertThat(data.get("user_id").isString()).isTrue();
		assertThat(data.get("user_id").asString()).isEqualTo("10001");
		assertThat(data.get("expires_at").isIntegralNumber()).isTrue();

		HttpResponse<String> noProof = get(debugPath("EAA-user", app, null));
		assertThat(noProof.statusCode()).isEqualTo(400);
		assertThat(json(noProof).get("error").get("message").asString()).contains("require an appsecret_proof");
		HttpResponse<String> userProof = get(debugPath("EAA-user", app, facebook.appsecretProof("EAA-user")));
		assertThat(userProof.statusCode()).isEqualTo(400);
		assertThat(json(userProof).get("error").get("message").asString()).contains("Invalid appsecret_proof");
		HttpResponse<String> otherSecret = get(
				debugPath("EAA-user", app, FakeFacebook.appsecretProof("other-secret", app)));
		assertThat(otherSecret.statusCode()).isEqualTo(400);

		HttpResponse<String> unknown = get(debugPath("EAA-unknown", app, facebook.appsecretProof(app)));
		assertThat(unknown.statusCode()).isEqualTo(200);
		assertThat(json(unknown).get("data").get("is_valid").asBoolean()).isFalse();
		assertThat(json(unknown).get("data").get("error").get("code").asInt()).isEqualTo(190);

		facebook.debugToken("EAA-foreign", "10002", "other-app");
		facebook.debugTokenExpired("EAA-old", "10003");
		assertThat(json(get(debugPath("EAA-foreign", app, facebook.appsecretProof(app)))).get("data").get("app_id")
			.asString()).isEqualTo("other-app");
		JsonNode expired = json(get(debugPath("EAA-old", app, facebook.appsecretProof(app)))).get("data");
		assertThat(expired.get("is_valid").asBoolean()).isFalse();
		assertThat(expired.get("error").get("subcode").asInt()).isEqualTo(463);
	}

	@Test
	void meAnswersTheRequestedFieldsToACallWithTheUserTokensProof() throws Exception {
		FakeFacebook facebook = fakes.facebook();
		facebook.me("EAA-user", "10001", "ada@example.com", "Ada", "Lovelace");
		String proof = facebook.appsecretProof("EAA-user");

		JsonNode me = json(get(mePath("id,email,first_name,last_name,picture", "EAA-user", proof)));
		assertThat(me.propertyNames()).containsExactly("id", "email", "first_name", "last_name", "picture");
		assertThat(me.get("id").asString()).isEqualTo("10001");
		assertThat(me.get("email").asString()).isEqualTo("ada@example.com");
		assertThat(me.get("picture").get("data").get("url").asString()).startsWith("https://");
		assertThat(json(get(mePath("first_name,picture.type(large){url}", "EAA-user", proof))).propertyNames())
			.containsExactly("id", "first_name", "picture");
		assertThat(json(get(mePath(null, "EAA-user", proof))).propertyNames()).containsExactly("id", "name");

		String appTokenProof = facebook.appsecretProof(facebook.appAccessToken());
		HttpResponse<String> appProof = get(mePath("id", "EAA-user", appTokenProof));
		assertThat(appProof.statusCode()).isEqualTo(400);
		assertThat(json(appProof).get("error").get("message").asString()).contains("Invalid appsecret_proof");
		assertThat(get(mePath("id", "EAA-user", null)).statusCode()).isEqualTo(400);
		HttpResponse<String> noToken = get(FakeFacebook.GRAPH + "/me" + query("fields", "id"));
		assertThat(json(noToken).get("error").get("code").asInt()).isEqualTo(104);
		HttpResponse<String> unknown = get(mePath("id", "EAA-other", facebook.appsecretProof("EAA-other")));
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(json(unknown).get("error").get("code").asInt()).isEqualTo(190);

		facebook.me("EAA-noemail", "10002", null, "Bob", "B");
		assertThat(json(get(mePath("id,email", "EAA-noemail", facebook.appsecretProof("EAA-noemail")))).has("email"))
			.isFalse();
	}

	@Test
	void facebookCodeExchangeTakesAGetQueryOrAPostForm() throws Exception {
		fakes.facebook().codeExchange("code-1", "EAA-new");
		String path = FakeFacebook.GRAPH + "/oauth/access_token";
		HttpResponse<String> byGet = get(path + query("code", "code-1", "redirect_uri", "https://app.example/cb",
				"client_id", "facebook-app", "client_secret", "facebook-secret"));
		assertThat(byGet.statusCode()).isEqualTo(200);
		assertThat(json(byGet).get("access_token").asString()).isEqualTo("EAA-new");
		assertThat(json(byGet).get("expires_in").isIntegralNumber()).isTrue();
		HttpResponse<String> byPost = postForm(path, Map.of("code", "code-1", "redirect_uri",
				"https://app.example/cb", "client_id", "facebook-app", "client_secret", "facebook-secret",
				"grant_type", "authorization_code"));
		assertThat(byPost.statusCode()).isEqualTo(200);

		HttpResponse<String> unknown = get(path + query("code", "code-2", "redirect_uri", "https://app.example/cb",
				"client_id", "facebook-app", "client_secret", "facebook-secret"));
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(json(unknown).get("error").get("code").asInt()).isEqualTo(100);
		HttpResponse<String> basicOnly = postForm(path, Map.of("code", "code-1", "redirect_uri",
				"https://app.example/cb"), "Authorization", basic("facebook-app", "facebook-secret"));
		assertThat(basicOnly.statusCode()).isEqualTo(400);
		assertThat(json(basicOnly).get("error").get("code").asInt()).isEqualTo(101);
	}

	// Spring's own clients, as MyUser uses them

	@Test
	void springsTokenClientExchangesCodesAtEveryProvider() {
		String base = fakes.baseUrl();
		String google = fakes.google().idToken().build();
		fakes.google().tokenEndpoint("g-code", google);
		fakes.github().codeExchange("gh-code", "gho_new");
		fakes.facebook().codeExchange("fb-code", "EAA-new");
		fakes.acme().tokenEndpoint("a-code", "verifier-1", fakes.acme().idToken().build());
		RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();

		OAuth2AccessTokenResponse fromGoogle = client.getTokenResponse(grant(CommonOAuth2Provider.GOOGLE
			.getBuilder("google").clientId("google-client").clientSecret("google-secret")
			.tokenUri(base + "/google/token").jwkSetUri(base + "/google/certs").build(), "g-code", null));
		assertThat(fromGoogle.getAccessToken().getTokenValue()).isEqualTo(fakes.google().accessTokenFor("g-code"));
		assertThat(fromGoogle.getAdditionalParameters()).containsEntry("id_token", google);

		OAuth2AccessTokenResponse fromGitHub = client.getTokenResponse(grant(CommonOAuth2Provider.GITHUB
			.getBuilder("github").clientId("github-client").clientSecret("github-secret")
			.tokenUri(base + "/github/login/oauth/access_token").build(), "gh-code", null));
		assertThat(fromGitHub.getAccessToken().getTokenValue()).isEqualTo("gho_new");
		ClientRegistration github = CommonOAuth2Provider.GITHUB.getBuilder("github").clientId("github-client")
			.clientSecret("github-secret").tokenUri(base + "/github/login/oauth/access_token").build();
		assertThatExceptionOfType(OAuth2AuthorizationException.class)
			.isThrownBy(() -> client.getTokenResponse(grant(github, "gh-unknown", null)))
			// GitHub's status-200 error has no access_token: Spring cannot read it as a token response.
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token_response"));

		OAuth2AccessTokenResponse fromFacebook = client.getTokenResponse(grant(CommonOAuth2Provider.FACEBOOK
			.getBuilder("facebook").clientId("facebook-app").clientSecret("facebook-secret")
			.tokenUri(base + FakeFacebook.GRAPH + "/oauth/access_token").build(), "fb-code", null));
		assertThat(fromFacebook.getAccessToken().getTokenValue()).isEqualTo("EAA-new");
		assertThat(fakes.requestsTo(FakeFacebook.GRAPH + "/oauth/access_token")).singleElement()
			.satisfies((call) -> assertThat(call.method()).isEqualTo("POST"));

		ClientRegistration acme = ClientRegistrations.fromIssuerLocation(fakes.acme().issuer()).registrationId("acme")
			.clientId("acme-client").clientSecret("acme-secret").redirectUri("{baseUrl}/x").build();
		assertThat(client.getTokenResponse(grant(acme, "a-code", "verifier-1")).getAccessToken().getTokenValue())
			.isEqualTo(fakes.acme().accessTokenFor("a-code"));
		assertThat(fakes.requestsTo("/acme/token").get(0).form("code_verifier")).isEqualTo("verifier-1");
	}

	@Test
	void springsJwtDecoderVerifiesTheServedKeysSignatureOnly() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(fakes.baseUrl() + "/google/certs")
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator((jwt) -> OAuth2TokenValidatorResult.success());
		assertThat(decoder.decode(fakes.google().idToken().subject("sub-7").build()).getSubject()).isEqualTo("sub-7");
		String forged = fakes.google().idToken().signedWith(FakeProviders.rsaKey("google-key-1")).build();
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(forged));
		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> decoder.decode(fakes.google().idToken().unsigned().build()));
	}

	// Faults

	@Test
	void slowerThanOutlastsTheReadTimeout() throws Exception {
		fakes.google().tokeninfo("ya29.slow", "google-client", "google-client", "sub-1", null, null)
			.slowerThan(Duration.ofMillis(200));
		HttpRequest request = HttpRequest.newBuilder(uri("/google/tokeninfo" + query("access_token", "ya29.slow")))
			.timeout(Duration.ofMillis(200))
			.build();
		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	@Test
	void failingAnswersAServerErrorForTheStubOnly() throws Exception {
		fakes.github().token("gho_known", 1, "octocat").failing(503);
		String path = "/github-api/applications/github-client/token";
		HttpResponse<String> failed = postJson(path, "{\"access_token\":\"gho_known\"}", "Authorization",
				basic("github-client", "github-secret"));
		assertThat(failed.statusCode()).isEqualTo(503);
		assertThat(failed.headers().firstValue("Content-Type")).hasValueSatisfying(
				(value) -> assertThat(value).startsWith("text/html"));
		assertThat(postJson(path, "{\"access_token\":\"gho_other\"}", "Authorization",
				basic("github-client", "github-secret")).statusCode()).isEqualTo(404);

		fakes.acme().certs().failing(500);
		assertThat(get("/acme/jwks").statusCode()).isEqualTo(500);
		assertThat(get("/google/certs").statusCode()).isEqualTo(200);
	}

	@Test
	void resettingConnectionBreaksTheCall() {
		FakeFacebook facebook = fakes.facebook();
		facebook.me("EAA-user", "10001", null, "Ada", "L").resettingConnection();
		HttpRequest request = HttpRequest.newBuilder(
				uri(mePath("id", "EAA-user", facebook.appsecretProof("EAA-user")))).build();
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	@Test
	void aDelayedStubStillMatchesAsBefore() throws Exception {
		FakeFacebook facebook = fakes.facebook();
		FakeStub me = facebook.me("EAA-user", "10001", null, "Ada", "L").delayedBy(Duration.ofMillis(1));
		assertThat(json(get(mePath("id,first_name", "EAA-user", facebook.appsecretProof("EAA-user")))).propertyNames())
			.containsExactly("id", "first_name");
		assertThat(get(mePath("id", "EAA-user", "bad")).statusCode()).isEqualTo(400);
		assertThat(me.count()).isEqualTo(1);
		me.remove();
		assertThat(get(mePath("id", "EAA-user", facebook.appsecretProof("EAA-user"))).statusCode()).isEqualTo(400);
	}

	// Verification

	@Test
	void requestsToListsTheCallsUnderAPathInOrderWithWhatTheyCarried() throws Exception {
		FakeFacebook facebook = fakes.facebook();
		facebook.me("EAA-user", "10001", null, "Ada", "L");
		get(appTokenPath("facebook-secret"));
		get(mePath("id", "EAA-user", facebook.appsecretProof("EAA-user")));
		get("/google/tokeninfo" + query("access_token", "x"));
		postForm("/google/token", Map.of("code", "c", "code_verifier", "v"), "Authorization", "Basic abc");

		List<FakeRequest> graph = fakes.requestsTo("/graph");
		assertThat(graph).extracting(FakeRequest::path)
			.containsExactly("/graph/v23.0/oauth/access_token", "/graph/v23.0/me");
		FakeRequest meCall = graph.get(1);
		assertThat(meCall.method()).isEqualTo("GET");
		assertThat(meCall.query("access_token")).isEqualTo("EAA-user");
		assertThat(meCall.query("appsecret_proof")).isEqualTo(facebook.appsecretProof("EAA-user"));
		assertThat(meCall.url()).startsWith("/graph/v23.0/me?").contains("access_token=EAA-user");

		assertThat(fakes.requestsTo("/google/token")).singleElement().satisfies((call) -> {
			assertThat(call.method()).isEqualTo("POST");
			assertThat(call.form("code_verifier")).isEqualTo("v");
			assertThat(call.header("authorization")).isEqualTo("Basic abc");
			assertThat(call.query()).isEmpty();
		});
		assertThat(fakes.requestsTo("/google")).hasSize(2);
		assertThat(fakes.requestsTo("/github")).isEmpty();
		assertThat(fakes.requestsTo("/github-api")).isEmpty();
	}

	// Helpers

	private static OAuth2AuthorizationCodeGrantRequest grant(ClientRegistration registration, String code,
			@Nullable String codeVerifier) {
		String redirect = "https://app.example/cb";
		OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri("https://provider.example/authorize")
			.clientId(registration.getClientId())
			.redirectUri(redirect)
			.state("state-1")
			.attributes((attributes) -> {
				if (codeVerifier != null) {
					attributes.put(PkceParameterNames.CODE_VERIFIER, codeVerifier);
				}
			})
			.build();
		OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
			.redirectUri(redirect)
			.state("state-1")
			.build();
		return new OAuth2AuthorizationCodeGrantRequest(registration,
				new OAuth2AuthorizationExchange(request, response));
	}

	private static RSAKey servedGoogleKey() throws Exception {
		return (RSAKey) JWKSet.parse(get("/google/certs").body()).getKeys().get(0);
	}

	private static JsonNode payload(String token) {
		return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
	}

	private static JsonNode header(String token) {
		return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private static byte[] hmac(String key, String data) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
	}

	private static String appTokenPath(String secret) {
		return FakeFacebook.GRAPH + "/oauth/access_token"
				+ query("client_id", "facebook-app", "client_secret", secret, "grant_type", "client_credentials");
	}

	private static String debugPath(String input, String access, @Nullable String proof) {
		String path = FakeFacebook.GRAPH + "/debug_token";
		return (proof == null) ? path + query("input_token", input, "access_token", access)
				: path + query("input_token", input, "access_token", access, "appsecret_proof", proof);
	}

	private static String mePath(@Nullable String fields, String token, @Nullable String proof) {
		StringBuilder path = new StringBuilder(FakeFacebook.GRAPH + "/me?access_token=" + encode(token));
		if (fields != null) {
			path.append("&fields=").append(encode(fields));
		}
		if (proof != null) {
			path.append("&appsecret_proof=").append(encode(proof));
		}
		return path.toString();
	}

	private static String query(String... namesAndValues) {
		StringBuilder query = new StringBuilder();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			query.append((i == 0) ? '?' : '&').append(encode(namesAndValues[i])).append('=')
				.append(encode(namesAndValues[i + 1]));
		}
		return query.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static URI uri(String path) {
		return URI.create(fakes.baseUrl() + path);
	}

	private static HttpResponse<String> get(String path, String... headers) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
	}

	private static HttpResponse<String> postForm(String path, Map<String, String> form, String... headers)
			throws Exception {
		String body = form.entrySet().stream().map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)), headers);
	}

	private static HttpResponse<String> postJson(String path, String json, String... headers) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)), headers);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request, String... headers) throws Exception {
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
