package io.myuser.social.provider;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link IdTokens} with tokens signed by Nimbus and the provider's JWK set served by the JDK's HTTP
 * server: a good token passes once; expired, without expiry, for another audience or from another issuer, signed
 * with a MAC keyed by the client secret, unsigned, signed by an unknown key or with an algorithm not accepted,
 * carrying the wrong nonce, or used a second time are refused (400); a JWK set endpoint that fails or hangs past
 * the read timeout makes the provider unavailable (502). The clock is fixed.
 */
class IdTokensTests {

	private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

	private static final Duration SKEW = Duration.ofSeconds(60);

	private static final String ISSUER = "https://id.corp.example";

	private static final String CLIENT_ID = "corp-client";

	/** A client secret long enough to key HS256 (at least 256 bits). */
	private static final String CLIENT_SECRET = "corp-client-secret-long-enough-for-hs256-0123456789";

	private static final String GOOGLE_CLIENT_ID = "web-client.apps.googleusercontent.com";

	private static RSAKey signingKey;

	private static RSAKey unknownKey;

	private static ECKey ecKey;

	private HttpServer server;

	private ExecutorService executor;

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger jwkSetFetches = new AtomicInteger();

	private final MemoryReplayStore replays = new MemoryReplayStore();

	private IdTokens idTokens;

	@BeforeAll
	static void generateKeys() throws JOSEException {
		signingKey = new RSAKeyGenerator(2048).keyID("key-1").generate();
		unknownKey = new RSAKeyGenerator(2048).keyID("key-unknown").generate();
		ecKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
	}

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.executor = Executors.newCachedThreadPool();
		this.server.setExecutor(this.executor);
		String jwkSet = new JWKSet(List.of(signingKey.toPublicJWK(), ecKey.toPublicJWK())).toString();
		this.server.createContext("/jwks", (exchange) -> {
			this.jwkSetFetches.incrementAndGet();
			answer(exchange, 200, jwkSet);
		});
		this.server.createContext("/jwks-failing", (exchange) -> answer(exchange, 500, "{\"error\":\"down\"}"));
		this.server.createContext("/jwks-hanging", (exchange) -> {
			try {
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			answer(exchange, 200, jwkSet);
		});
		this.server.start();
		this.idTokens = idTokens(Duration.ofSeconds(10));
	}

	@AfterEach
	void stopServer() {
		this.release.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	@Test
	void aGoodTokenIsAcceptedAndItsClaimsReturned() {
		Jwt jwt = this.idTokens.verify(corp("/jwks"), signed(claims((c) -> c.claim("email", "ada@example.com"))),
				null);
		assertThat(jwt.getSubject()).isEqualTo("corp-user-1");
		assertThat(jwt.getAudience()).containsExactly(CLIENT_ID);
		assertThat(jwt.getClaimAsString("email")).isEqualTo("ada@example.com");
		assertThat(this.jwkSetFetches).hasValue(1);
	}

	@Test
	void anExpiredTokenIsRefused() {
		SocialProvider corp = corp("/jwks");
		String expired = signed(claims((c) -> c.issueTime(date(NOW.minusSeconds(3600)))
			.expirationTime(date(NOW.minus(SKEW).minusSeconds(1)))));
		assertRejected(() -> this.idTokens.verify(corp, expired, null));
		// Within the allowed clock skew it still passes: the fixed clock decides, not the wall clock.
		String justExpired = signed(claims((c) -> c.issueTime(date(NOW.minusSeconds(3600)))
			.expirationTime(date(NOW.minus(SKEW).plusSeconds(1)))));
		assertThat(this.idTokens.verify(corp, justExpired, null).getSubject()).isEqualTo("corp-user-1");
	}

	@Test
	void aTokenWithoutExpiryIsRefused() {
		// Spring's JwtTimestampValidator alone would let it pass; it is told not to.
		assertRejected(() -> this.idTokens.verify(corp("/jwks"), signed(claims((c) -> c.expirationTime(null))), null));
		assertThat(this.replays.used).isEmpty();
	}

	@Test
	void aTokenIssuedInTheFutureIsRefused() {
		String future = signed(claims((c) -> c.issueTime(date(NOW.plus(SKEW).plusSeconds(60)))
			.expirationTime(date(NOW.plusSeconds(3600)))));
		assertRejected(() -> this.idTokens.verify(corp("/jwks"), future, null));
	}

	@Test
	void aTokenForAnotherAudienceOrFromAnotherIssuerIsRefused() {
		SocialProvider corp = corp("/jwks");
		assertRejected(() -> this.idTokens.verify(corp, signed(claims((c) -> c.audience("other-client"))), null));
		assertRejected(
				() -> this.idTokens.verify(corp, signed(claims((c) -> c.issuer("https://evil.example"))), null));
		assertRejected(() -> this.idTokens.verify(corp, signed(claims((c) -> c.issuer(null))), null));
	}

	@Test
	void aTokenSignedWithAMacKeyedByTheClientSecretIsRefused() throws JOSEException {
		// OpenID Connect allows HS256 keyed by the client secret; a client-posted token must not be forgeable by
		// anyone who holds that secret (every mobile build of the app).
		SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(),
				claims((c) -> {
				}));
		token.sign(new MACSigner(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8)));
		assertRejected(() -> this.idTokens.verify(corp("/jwks"), token.serialize(), null));
	}

	@Test
	void anUnsignedTokenIsRefused() {
		String none = new PlainJWT(claims((c) -> {
		})).serialize();
		assertThat(none).endsWith(".");
		assertRejected(() -> this.idTokens.verify(corp("/jwks"), none, null));
	}

	@Test
	void aTokenSignedByAKeyNotInTheSetIsRefused() throws JOSEException {
		SocialProvider corp = corp("/jwks");
		assertRejected(() -> this.idTokens.verify(corp, signed(unknownKey, claims((c) -> {
		})), null));
		// The same stranger's signature claiming the known key id.
		SignedJWT forged = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("key-1").type(JOSEObjectType.JWT).build(),
				claims((c) -> {
				}));
		forged.sign(new RSASSASigner(unknownKey));
		assertRejected(() -> this.idTokens.verify(corp, forged.serialize(), null));
	}

	@Test
	void anAlgorithmTheProviderDoesNotAcceptIsRefused() throws JOSEException {
		// The set holds the EC key, but the provider accepts RS256 only.
		SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(),
				claims((c) -> {
				}));
		token.sign(new ECDSASigner(ecKey));
		assertRejected(() -> this.idTokens.verify(corp("/jwks"), token.serialize(), null));
	}

	@Test
	void aTokenOfAnotherTypeIsRefused() throws JOSEException {
		SignedJWT accessToken = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("key-1").type(new JOSEObjectType("at+jwt")).build(),
				claims((c) -> {
				}));
		accessToken.sign(new RSASSASigner(signingKey));
		assertRejected(() -> this.idTokens.verify(corp("/jwks"), accessToken.serialize(), null));
	}

	@Test
	void theNonceMustMatchWhenOneWasSent() {
		SocialProvider corp = corp("/jwks");
		String token = signed(claims((c) -> c.claim("nonce", "nonce-1")));
		assertRejected(() -> this.idTokens.verify(corp, token, "nonce-2"));
		assertRejected(() -> this.idTokens.verify(corp, signed(claims((c) -> {
		})), "nonce-1"));
		// A refused token was not used up: the right nonce still passes.
		assertThat(this.idTokens.verify(corp, token, "nonce-1").getClaimAsString("nonce")).isEqualTo("nonce-1");
	}

	@Test
	void aTokenIsAcceptedOnceOnly() {
		SocialProvider corp = corp("/jwks");
		String token = signed(claims((c) -> {
		}));
		this.idTokens.verify(corp, token, null);
		assertRejected(() -> this.idTokens.verify(corp, token, null));
		// The store keeps it until its expiry plus the clock skew.
		assertThat(this.replays.used).singleElement().isEqualTo(NOW.plusSeconds(600).plus(SKEW));
	}

	@Test
	void anotherTokenWithTheSameIdIsAReplayToo() {
		SocialProvider corp = corp("/jwks");
		this.idTokens.verify(corp, signed(claims((c) -> c.jwtID("jti-1"))), null);
		String sameId = signed(claims((c) -> c.jwtID("jti-1").claim("email", "other@example.com")));
		assertRejected(() -> this.idTokens.verify(corp, sameId, null));
		assertThat(this.idTokens.verify(corp, signed(claims((c) -> c.jwtID("jti-2"))), null)).isNotNull();
	}

	@Test
	void aTokenWithoutIdIsAcceptedOnceOnlyToo() {
		SocialProvider corp = corp("/jwks");
		String token = signed(claims((c) -> c.jwtID(null)));
		this.idTokens.verify(corp, token, null);
		assertRejected(() -> this.idTokens.verify(corp, token, null));
	}

	@Test
	void aJwkSetEndpointAnswering5xxMakesTheProviderUnavailable() {
		SocialProvider failing = corp("/jwks-failing");
		assertThatExceptionOfType(ProviderUnavailableException.class)
			.isThrownBy(() -> this.idTokens.verify(failing, signed(claims((c) -> {
			})), null));
		assertThat(this.replays.used).isEmpty();
	}

	@Test
	void aJwkSetEndpointHangingPastTheReadTimeoutMakesTheProviderUnavailable() {
		// The endpoint answers only when the test ends, long after this read timeout.
		IdTokens impatient = idTokens(Duration.ofMillis(500));
		SocialProvider hanging = corp("/jwks-hanging");
		assertThatExceptionOfType(ProviderUnavailableException.class)
			.isThrownBy(() -> impatient.verify(hanging, signed(claims((c) -> {
			})), null));
		assertThat(this.replays.used).isEmpty();
	}

	@Test
	void googleTokensWithEitherIssuerFormAndAnAndroidAuthorizedPartyAreAccepted() {
		SocialProvider google = google(List.of("android-client"));
		Jwt shortForm = this.idTokens.verify(google, signed(googleClaims((c) -> c.issuer("accounts.google.com"))),
				null);
		assertThat(shortForm.getSubject()).isEqualTo("google-user-1");
		Jwt android = this.idTokens.verify(google,
				signed(googleClaims((c) -> c.issuer("https://accounts.google.com").claim("azp", "android-client"))),
				null);
		assertThat(android.getClaimAsString("azp")).isEqualTo("android-client");
		assertRejected(() -> this.idTokens.verify(google,
				signed(googleClaims((c) -> c.claim("azp", "attacker-client"))), null));
		assertRejected(() -> this.idTokens.verify(google,
				signed(googleClaims((c) -> c.issuer("https://evil.example"))), null));
	}

	@Test
	void aGoogleTokenWithoutExpiryIsRefused() {
		// Google's rules replace Spring's OpenID Connect validator, which would require exp itself.
		assertRejected(() -> this.idTokens.verify(google(List.of()),
				signed(googleClaims((c) -> c.expirationTime(null))), null));
		assertThat(this.replays.used).isEmpty();
	}

	private IdTokens idTokens(Duration readTimeout) {
		ProviderCalls calls = new ProviderCalls(Duration.ofSeconds(2), readTimeout);
		return new IdTokens(calls, this.replays, Clock.fixed(NOW, ZoneOffset.UTC), SKEW);
	}

	private SocialProvider corp(String jwkSetPath) {
		String id = "corp" + jwkSetPath.replace("/", "-");
		ClientRegistration registration = ClientRegistration.withRegistrationId(id)
			.clientId(CLIENT_ID)
			.clientSecret(CLIENT_SECRET)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "email")
			.authorizationUri(ISSUER + "/authorize")
			.tokenUri(ISSUER + "/token")
			.jwkSetUri(url(jwkSetPath))
			.build();
		// A JWK set and no issuer URI: the issuer comes from myuser.social.<id>.issuer.
		ProviderSettings settings = ProviderSettings
			.defaults(Map.of(id, new ProviderSettings.Options(List.of(), ISSUER, List.of(), List.of())));
		SocialProvider provider = SocialProviders.of(List.of(registration), settings).find(id).orElseThrow();
		assertThat(provider.kind()).isEqualTo(ProviderKind.OIDC);
		return provider;
	}

	private SocialProvider google(List<String> authorizedParties) {
		ClientRegistration registration = ClientRegistration.withRegistrationId("google")
			.clientId(GOOGLE_CLIENT_ID)
			.clientSecret("google-secret")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "email")
			.authorizationUri("https://accounts.google.com/o/oauth2/v2/auth")
			.tokenUri("https://www.googleapis.com/oauth2/v4/token")
			.issuerUri("https://accounts.google.com")
			.jwkSetUri(url("/jwks"))
			.build();
		ProviderSettings settings = ProviderSettings
			.defaults(Map.of("google", new ProviderSettings.Options(List.of(), null, List.of(), authorizedParties)));
		SocialProvider provider = SocialProviders.of(List.of(registration), settings).find("google").orElseThrow();
		assertThat(provider.kind()).isEqualTo(ProviderKind.GOOGLE);
		return provider;
	}

	private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> changes) {
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject("corp-user-1")
			.audience(CLIENT_ID)
			.issueTime(date(NOW.minusSeconds(10)))
			.expirationTime(date(NOW.plusSeconds(600)))
			.jwtID(UUID.randomUUID().toString());
		changes.accept(builder);
		return builder.build();
	}

	private static JWTClaimsSet googleClaims(Consumer<JWTClaimsSet.Builder> changes) {
		return claims((c) -> {
			c.issuer("https://accounts.google.com")
				.subject("google-user-1")
				.audience(GOOGLE_CLIENT_ID)
				.claim("email", "ada@gmail.com")
				.claim("email_verified", true);
			changes.accept(c);
		});
	}

	private static String signed(JWTClaimsSet claims) {
		return signed(signingKey, claims);
	}

	private static String signed(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT token = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
					claims);
			JWSSigner signer = new RSASSASigner(key);
			token.sign(signer);
			return token.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Date date(Instant instant) {
		return Date.from(instant);
	}

	private String url(String path) {
		return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + this.server.getAddress().getPort()
				+ path;
	}

	private static void assertRejected(Runnable verification) {
		assertThatExceptionOfType(SocialCredentialRejectedException.class).isThrownBy(verification::run);
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/** The replay store of these tests: in memory, remembering each hash with its expiry. */
	private static final class MemoryReplayStore implements IdTokenReplayStore {

		private final Map<String, Instant> hashes = new ConcurrentHashMap<>();

		/** The expiry of each token marked used, in order. */
		final List<Instant> used = new CopyOnWriteArrayList<>();

		@Override
		public boolean markUsed(String tokenHash, Instant expiresAt) {
			boolean first = this.hashes.putIfAbsent(tokenHash, expiresAt) == null;
			if (first) {
				this.used.add(expiresAt);
			}
			return first;
		}

		@Override
		public int forgetExpired(Instant now) {
			int before = this.hashes.size();
			this.hashes.values().removeIf((expiresAt) -> !expiresAt.isAfter(now));
			return before - this.hashes.size();
		}

	}

}
