package io.myuser.sample.social.fake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.springframework.util.Assert;

/**
 * Fake Google, GitHub, Facebook and generic OpenID Connect ({@code acme}) providers on one WireMock server on a
 * dynamic loopback port. A test class starts it before its Spring context (the {@code acme} discovery runs while
 * the context starts), points MyUser at it and resets it between tests:
 *
 * <pre class="code">
 * static final FakeProviders fakes = FakeProviders.started();
 *
 * &#64;DynamicPropertySource
 * static void providers(DynamicPropertyRegistry registry) {
 * 	fakes.properties().forEach((name, value) -&gt; registry.add(name, () -&gt; value));
 * }
 *
 * &#64;AfterEach
 * void resetProviders() {
 * 	fakes.reset();
 * }
 * </pre>
 *
 * Started, it serves the Google and {@code acme} JWK sets (RSA 2048 keys it generated, each with a {@code kid}),
 * the {@code acme} discovery document, Facebook's app token, and every provider's refusal of unknown tokens and
 * codes; a test adds what the providers know through {@link #google()}, {@link #github()}, {@link #facebook()}
 * and {@link #acme()}, turns any stub into a fault through its {@link FakeStub}, and reads what MyUser sent
 * through {@link #requestsTo(String)}.
 */
public final class FakeProviders {

	private final WireMockServer server;

	private final FakeGoogle google;

	private final FakeGitHub github;

	private final FakeFacebook facebook;

	private final FakeOidc acme;

	/** Fake providers whose tokens are dated by the system clock. */
	public FakeProviders() {
		this(Clock.systemUTC());
	}

	/**
	 * Fake providers whose tokens and answers are dated by this clock, such as the application's test clock.
	 * @param clock the clock
	 */
	public FakeProviders(Clock clock) {
		Assert.notNull(clock, "clock must not be null");
		this.server = new WireMockServer(WireMockConfiguration.options()
			.dynamicPort()
			.bindAddress("127.0.0.1")
			.jettyStopTimeout(1000L)
			.extensions(new GraphFieldsTransformer()));
		this.google = new FakeGoogle(this.server, clock, rsaKey("google-key-1"));
		this.github = new FakeGitHub(this.server, clock);
		this.facebook = new FakeFacebook(this.server, clock);
		this.acme = new FakeOidc(this.server, clock, rsaKey("acme-key-1"), this::baseUrl);
	}

	/**
	 * New fake providers, started, on the system clock.
	 * @return the providers
	 */
	public static FakeProviders started() {
		return new FakeProviders().start();
	}

	/**
	 * Start the server and serve the providers' fixed documents.
	 * @return this
	 */
	public FakeProviders start() {
		if (!this.server.isRunning()) {
			this.server.start();
		}
		reset();
		return this;
	}

	/** Stop the server. */
	public void stop() {
		this.server.stop();
	}

	/**
	 * Forget every stub, fault and recorded call, then serve the fixed documents again (JWK sets, discovery, the
	 * app token, the refusals). {@link FakeStub}s made before no longer apply.
	 */
	public void reset() {
		Assert.state(this.server.isRunning(), "The fake providers are not started");
		this.server.resetAll();
		this.google.install();
		this.github.install();
		this.facebook.install();
		this.acme.install();
	}

	/** The server's address, such as {@code http://127.0.0.1:41234}, without a trailing slash. */
	public String baseUrl() {
		Assert.state(this.server.isRunning(), "The fake providers are not started");
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * The Spring properties that register Google, GitHub, Facebook and {@code acme} with MyUser and point them
	 * at this server (the server must be started).
	 * @return property names and values, in a stable order
	 */
	public Map<String, String> properties() {
		String base = baseUrl();
		String registration = "spring.security.oauth2.client.registration.";
		String provider = "spring.security.oauth2.client.provider.";
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(registration + "google.client-id", this.google.clientId());
		properties.put(registration + "google.client-secret", this.google.clientSecret());
		properties.put(provider + "google.jwk-set-uri", base + "/google/certs");
		properties.put(provider + "google.token-uri", base + "/google/token");
		properties.put(provider + "google.user-info-uri", base + "/google/userinfo");
		properties.put("myuser.social.google.tokeninfo-uri", base + "/google/tokeninfo");
		properties.put(registration + "github.client-id", this.github.clientId());
		properties.put(registration + "github.client-secret", this.github.clientSecret());
		properties.put(provider + "github.token-uri", base + "/github/login/oauth/access_token");
		properties.put("myuser.social.github.api-uri", base + "/github-api");
		properties.put(registration + "facebook.client-id", this.facebook.appId());
		properties.put(registration + "facebook.client-secret", this.facebook.appSecret());
		properties.put("myuser.social.facebook.graph-api-uri", base + FakeFacebook.GRAPH);
		properties.put(registration + "acme.client-id", this.acme.clientId());
		properties.put(registration + "acme.client-secret", this.acme.clientSecret());
		properties.put(registration + "acme.authorization-grant-type", "authorization_code");
		properties.put(registration + "acme.redirect-uri", "{baseUrl}/x");
		properties.put(registration + "acme.scope", "openid,email,profile");
		properties.put(provider + "acme.issuer-uri", this.acme.issuer());
		return Collections.unmodifiableMap(properties);
	}

	/** Google: id_tokens, tokeninfo, userinfo, code exchange. */
	public FakeGoogle google() {
		return this.google;
	}

	/** GitHub: token check, user, emails, code exchange. */
	public FakeGitHub github() {
		return this.github;
	}

	/** Facebook: app token, debug_token, me, code exchange. */
	public FakeFacebook facebook() {
		return this.facebook;
	}

	/** The generic OpenID Connect provider, registration id {@code acme}. */
	public FakeOidc acme() {
		return this.acme;
	}

	/**
	 * The calls whose path starts with this prefix on a segment boundary ({@code /google/token} takes
	 * {@code /google/token} but not {@code /google/tokeninfo}), oldest first, whether a stub or a refusal
	 * answered them.
	 * @param pathPrefix a path relative to {@link #baseUrl()}, such as {@code /graph} or {@code /google/token}
	 * @return the calls
	 */
	public List<FakeRequest> requestsTo(String pathPrefix) {
		Assert.isTrue(pathPrefix.startsWith("/"), "pathPrefix must start with /");
		List<FakeRequest> requests = new ArrayList<>();
		for (ServeEvent event : this.server.getAllServeEvents()) {
			FakeRequest request = FakeRequest.of(event.getRequest());
			if (underPrefix(request.path(), pathPrefix)) {
				requests.add(request);
			}
		}
		Collections.reverse(requests);
		return requests;
	}

	private static boolean underPrefix(String path, String prefix) {
		return path.startsWith(prefix)
				&& (path.length() == prefix.length() || prefix.endsWith("/") || path.charAt(prefix.length()) == '/');
	}

	/** The WireMock server, for what the kit does not cover. */
	public WireMockServer server() {
		return this.server;
	}

	/**
	 * A new RSA 2048 signing key ({@code use: sig}, {@code alg: RS256}) with this key id, private part included.
	 * @param keyId the {@code kid}
	 * @return the key
	 */
	public static RSAKey rsaKey(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
