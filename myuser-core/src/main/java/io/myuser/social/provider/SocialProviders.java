package io.myuser.social.provider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The providers social login accepts: every Spring client registration
 * ({@code spring.security.oauth2.client.registration.<id>}) that MyUser knows how to check. {@code google},
 * {@code github} and {@code facebook} are recognised by their registration id; any other registration whose
 * provider has an issuer URI or a JWK set URI is a generic OpenID Connect provider. The rest are left to the host
 * (logged once), and their routes answer 404.
 * <p>
 * Facebook's endpoints, when still the Graph version Spring Security's defaults name (v2.8, retired in 2019), move
 * to the configured Graph API version.
 */
public final class SocialProviders {

	private static final Logger logger = LoggerFactory.getLogger(SocialProviders.class);

	/** Ids that would collide with the routes {@code social/accounts/} and {@code social/exchange/}. */
	static final Set<String> RESERVED_IDS = Set.of("accounts", "exchange");

	/** The length of the provider and login method columns. */
	static final int MAX_ID_LENGTH = 32;

	private static final String OLD_FACEBOOK_GRAPH = "https://graph.facebook.com/v2.8";

	private static final String OLD_FACEBOOK_DIALOG = "https://www.facebook.com/v2.8/dialog/oauth";

	private static final Set<SignatureAlgorithm> ASYMMETRIC = EnumSet.of(SignatureAlgorithm.RS256,
			SignatureAlgorithm.RS384, SignatureAlgorithm.RS512, SignatureAlgorithm.ES256, SignatureAlgorithm.ES384,
			SignatureAlgorithm.ES512, SignatureAlgorithm.PS256, SignatureAlgorithm.PS384, SignatureAlgorithm.PS512);

	private final Map<String, SocialProvider> providers;

	private SocialProviders(Map<String, SocialProvider> providers) {
		this.providers = Collections.unmodifiableMap(providers);
	}

	/**
	 * No provider: every social route answers 404.
	 * @return the empty set of providers
	 */
	public static SocialProviders none() {
		return new SocialProviders(Map.of());
	}

	/**
	 * Read the providers from the client registrations.
	 * @param registrations the host's client registrations
	 * @param settings the endpoints and options MyUser adds
	 * @return the providers, by registration id, in registration order
	 * @throws IllegalStateException if a registration id is reserved, an OpenID Connect provider has no issuer,
	 * or an option names an unknown or symmetric algorithm
	 */
	public static SocialProviders of(Iterable<ClientRegistration> registrations, ProviderSettings settings) {
		Assert.notNull(registrations, "registrations cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Map<String, SocialProvider> providers = new LinkedHashMap<>();
		for (ClientRegistration registration : registrations) {
			provider(registration, settings).ifPresent((provider) -> providers.put(provider.id(), provider));
		}
		return new SocialProviders(providers);
	}

	private static Optional<SocialProvider> provider(ClientRegistration registration, ProviderSettings settings) {
		String id = registration.getRegistrationId();
		if (RESERVED_IDS.contains(id)) {
			throw new IllegalStateException("The client registration id '" + id + "' is reserved by MyUser's route "
					+ "social/" + id + "/; rename spring.security.oauth2.client.registration." + id);
		}
		if (!AuthorizationGrantType.AUTHORIZATION_CODE.equals(registration.getAuthorizationGrantType())) {
			logger.info("Client registration '{}' is not an authorization code client; MyUser's social login skips it",
					id);
			return Optional.empty();
		}
		if (id.length() > MAX_ID_LENGTH) {
			throw new IllegalStateException("The client registration id '" + id + "' is longer than " + MAX_ID_LENGTH
					+ " characters, the most MyUser stores as a provider or login method");
		}
		ProviderKind kind = kind(registration);
		boolean typed = kind == ProviderKind.GOOGLE || kind == ProviderKind.GITHUB || kind == ProviderKind.FACEBOOK;
		ProviderSettings.Options options = settings.optionsOf(typed ? kind.name().toLowerCase(Locale.ROOT) : id);
		if (kind == null) {
			logger.info("Client registration '{}' has neither an issuer nor a JWK set; MyUser's social login skips it",
					id);
			return Optional.empty();
		}
		ClientRegistration effective = (kind == ProviderKind.FACEBOOK) ? withGraphVersion(registration, settings)
				: registration;
		String issuer = issuer(kind, registration, options);
		if ((kind == ProviderKind.OIDC) && issuer == null) {
			throw new IllegalStateException("The OpenID Connect provider of client registration '" + id
					+ "' has no issuer: set spring.security.oauth2.client.provider." + id
					+ ".issuer-uri, or myuser.social." + id + ".issuer beside its jwk-set-uri");
		}
		return Optional.of(new SocialProvider(id, kind, effective, options.redirectUris(), issuer,
				algorithms(id, options.idTokenAlgorithms()), options.authorizedParties()));
	}

	private static @Nullable ProviderKind kind(ClientRegistration registration) {
		switch (registration.getRegistrationId().toLowerCase(Locale.ROOT)) {
			case "google":
				return ProviderKind.GOOGLE;
			case "github":
				return ProviderKind.GITHUB;
			case "facebook":
				return ProviderKind.FACEBOOK;
			default:
				ClientRegistration.ProviderDetails details = registration.getProviderDetails();
				boolean oidc = StringUtils.hasText(details.getIssuerUri())
						|| StringUtils.hasText(details.getJwkSetUri());
				return oidc ? ProviderKind.OIDC : null;
		}
	}

	private static @Nullable String issuer(ProviderKind kind, ClientRegistration registration,
			ProviderSettings.Options options) {
		if (kind == ProviderKind.GITHUB || kind == ProviderKind.FACEBOOK) {
			return null;
		}
		if (kind == ProviderKind.GOOGLE) {
			return "https://accounts.google.com";
		}
		if (StringUtils.hasText(options.issuer())) {
			return options.issuer();
		}
		String issuerUri = registration.getProviderDetails().getIssuerUri();
		return StringUtils.hasText(issuerUri) ? issuerUri : null;
	}

	private static Set<SignatureAlgorithm> algorithms(String id, List<String> extra) {
		Set<SignatureAlgorithm> algorithms = new LinkedHashSet<>();
		algorithms.add(SignatureAlgorithm.RS256);
		for (String name : extra) {
			SignatureAlgorithm algorithm = SignatureAlgorithm.from(name.strip().toUpperCase(Locale.ROOT));
			if (algorithm == null || !ASYMMETRIC.contains(algorithm)) {
				throw new IllegalStateException("myuser.social." + id + ".id-token-algorithms names '" + name
						+ "': only asymmetric signature algorithms (RS*, PS*, ES*) are accepted on id_tokens");
			}
			algorithms.add(algorithm);
		}
		return algorithms;
	}

	private static ClientRegistration withGraphVersion(ClientRegistration registration, ProviderSettings settings) {
		String graph = StringUtils.trimTrailingCharacter(settings.facebookGraphApiUri().toString(), '/');
		String version = graph.substring(graph.lastIndexOf('/') + 1);
		if (!version.matches("v\\d+\\.\\d+")) {
			throw new IllegalStateException("myuser.social.facebook.graph-api-uri must end with the Graph API version, "
					+ "such as " + ProviderSettings.FACEBOOK_GRAPH_API + ", not '" + graph + "'");
		}
		ClientRegistration.ProviderDetails details = registration.getProviderDetails();
		ClientRegistration.Builder builder = ClientRegistration.withClientRegistration(registration);
		if (details.getTokenUri() != null && details.getTokenUri().startsWith(OLD_FACEBOOK_GRAPH + "/")) {
			builder.tokenUri(graph + details.getTokenUri().substring(OLD_FACEBOOK_GRAPH.length()));
		}
		if (OLD_FACEBOOK_DIALOG.equals(details.getAuthorizationUri())) {
			builder.authorizationUri("https://www.facebook.com/" + version + "/dialog/oauth");
		}
		String userInfo = details.getUserInfoEndpoint().getUri();
		if (userInfo != null && userInfo.startsWith(OLD_FACEBOOK_GRAPH + "/")) {
			builder.userInfoUri(graph + userInfo.substring(OLD_FACEBOOK_GRAPH.length()));
		}
		return builder.build();
	}

	/**
	 * Find a provider.
	 * @param id the registration id from the route
	 * @return the provider, if it is configured and supported
	 */
	public Optional<SocialProvider> find(String id) {
		return Optional.ofNullable(this.providers.get(id));
	}

	/**
	 * Return every provider, in registration order.
	 * @return the providers
	 */
	public Collection<SocialProvider> all() {
		return new ArrayList<>(this.providers.values());
	}

}
