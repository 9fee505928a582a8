package io.myuser.social.provider;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How MyUser calls the providers: the endpoints Spring's client registrations have no property for, the timeouts,
 * and what each registration adds.
 *
 * @param googleTokeninfoUri Google's tokeninfo endpoint, which says whom an access token was issued to
 * @param githubApiUri GitHub's REST API root ({@code /user}, {@code /user/emails}, the token check)
 * @param facebookGraphApiUri Facebook's Graph API root, with its version ({@code https://graph.facebook.com/v23.0})
 * @param connectTimeout the longest wait to connect to a provider
 * @param readTimeout the longest wait for a provider's answer
 * @param clockSkew the clock difference allowed when checking an id_token's times
 * @param facebookAppTokenTimeToLive how long Facebook's app access token is reused
 * @param options what each registration adds, by registration id
 */
public record ProviderSettings(URI googleTokeninfoUri, URI githubApiUri, URI facebookGraphApiUri,
		Duration connectTimeout, Duration readTimeout, Duration clockSkew, Duration facebookAppTokenTimeToLive,
		Map<String, Options> options) {

	/** Google's tokeninfo endpoint. */
	public static final String GOOGLE_TOKENINFO = "https://oauth2.googleapis.com/tokeninfo";

	/** GitHub's API. */
	public static final String GITHUB_API = "https://api.github.com";

	/** Facebook's Graph API, at the version MyUser is tested against. */
	public static final String FACEBOOK_GRAPH_API = "https://graph.facebook.com/v23.0";

	public ProviderSettings {
		Assert.notNull(googleTokeninfoUri, "googleTokeninfoUri cannot be null");
		Assert.notNull(githubApiUri, "githubApiUri cannot be null");
		Assert.notNull(facebookGraphApiUri, "facebookGraphApiUri cannot be null");
		Assert.isTrue(connectTimeout != null && !connectTimeout.isNegative() && !connectTimeout.isZero(), "connectTimeout must be positive");
		Assert.isTrue(readTimeout != null && !readTimeout.isNegative() && !readTimeout.isZero(), "readTimeout must be positive");
		Assert.isTrue(clockSkew != null && !clockSkew.isNegative(), "clockSkew cannot be negative");
		Assert.isTrue(facebookAppTokenTimeToLive != null && !facebookAppTokenTimeToLive.isNegative(),
				"facebookAppTokenTimeToLive cannot be negative");
		options = Map.copyOf(options);
	}

	/**
	 * The production endpoints, five seconds to connect, ten to read, a minute of clock skew.
	 * @param options what each registration adds
	 * @return the settings
	 */
	public static ProviderSettings defaults(Map<String, Options> options) {
		return new ProviderSettings(URI.create(GOOGLE_TOKENINFO), URI.create(GITHUB_API),
				URI.create(FACEBOOK_GRAPH_API), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(60),
				Duration.ofMinutes(5), options);
	}

	/**
	 * Return what a registration adds.
	 * @param registrationId the registration
	 * @return its options, empty ones when none are set
	 */
	public Options optionsOf(String registrationId) {
		return this.options.getOrDefault(registrationId, Options.NONE);
	}

	/**
	 * What one registration adds to Spring's client registration.
	 *
	 * @param redirectUris the redirect URIs a client may name with an authorization code (exact matches)
	 * @param issuer the issuer an OpenID Connect provider's id_tokens carry, when its registration has a JWK set
	 * URI but no issuer URI
	 * @param idTokenAlgorithms the signature algorithms accepted on id_tokens besides RS256 (asymmetric only)
	 * @param authorizedParties Google: the other client ids (Android, iOS) whose id_tokens for this client are
	 * accepted; empty accepts any
	 */
	public record Options(List<String> redirectUris, @Nullable String issuer, List<String> idTokenAlgorithms,
			List<String> authorizedParties) {

		/** No options. */
		public static final Options NONE = new Options(List.of(), null, List.of(), List.of());

		public Options {
			redirectUris = List.copyOf(redirectUris);
			idTokenAlgorithms = List.copyOf(idTokenAlgorithms);
			authorizedParties = List.copyOf(authorizedParties);
		}

	}

}
