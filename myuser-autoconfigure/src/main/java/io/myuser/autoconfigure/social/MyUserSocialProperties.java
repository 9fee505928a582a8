package io.myuser.autoconfigure.social;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.myuser.social.provider.ProviderSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Social login properties. The providers themselves are Spring's client registrations
 * ({@code spring.security.oauth2.client.registration.<id>.*}); these add what those have no property for. A
 * registration other than {@code google}, {@code github} and {@code facebook} takes the keys of
 * {@link OidcProvider} under {@code myuser.social.<id>.*}.
 */
@ConfigurationProperties("myuser.social")
@Validated
public class MyUserSocialProperties {

	/**
	 * Whether social login and connected-account management are enabled.
	 */
	private boolean enabled = true;

	/**
	 * Whether a first social login whose address matches an account links to it, when the provider asserts the
	 * address verified and the account's address is verified too. Off, the owner is told to log in and connect
	 * the provider.
	 */
	private boolean emailAuthentication = false;

	/**
	 * The longest wait to connect to a provider.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * The longest wait for a provider's answer.
	 */
	private Duration readTimeout = Duration.ofSeconds(10);

	/**
	 * The clock difference allowed when checking an id_token's times.
	 */
	private Duration clockSkew = Duration.ofSeconds(60);

	/**
	 * The public URL of the application serving MyUser (scheme, host, port, and any context path, without MyUser's
	 * base path), to which the base path and {@code /social/<id>/callback} are added to make the redirect flow's
	 * callback URL, registered at each provider. Not set: the redirect flow is off.
	 */
	private @Nullable URI callbackBaseUrl;

	/**
	 * The app URLs the redirect flow may send the browser back to (exact matches; https, or http on a loopback
	 * address).
	 */
	private List<String> allowedRedirects = new ArrayList<>();

	/**
	 * How long the browser has at the provider in the redirect flow.
	 */
	private Duration stateTimeToLive = Duration.ofMinutes(10);

	/**
	 * How long the app has to trade the redirect flow's one-time code for the login answer.
	 */
	private Duration exchangeCodeTimeToLive = Duration.ofSeconds(60);

	private final Google google = new Google();

	private final GitHub github = new GitHub();

	private final Facebook facebook = new Facebook();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isEmailAuthentication() {
		return this.emailAuthentication;
	}

	public void setEmailAuthentication(boolean emailAuthentication) {
		this.emailAuthentication = emailAuthentication;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public Duration getClockSkew() {
		return this.clockSkew;
	}

	public void setClockSkew(Duration clockSkew) {
		this.clockSkew = clockSkew;
	}

	public @Nullable URI getCallbackBaseUrl() {
		return this.callbackBaseUrl;
	}

	public void setCallbackBaseUrl(@Nullable URI callbackBaseUrl) {
		this.callbackBaseUrl = callbackBaseUrl;
	}

	public List<String> getAllowedRedirects() {
		return this.allowedRedirects;
	}

	public void setAllowedRedirects(List<String> allowedRedirects) {
		this.allowedRedirects = allowedRedirects;
	}

	public Duration getStateTimeToLive() {
		return this.stateTimeToLive;
	}

	public void setStateTimeToLive(Duration stateTimeToLive) {
		this.stateTimeToLive = stateTimeToLive;
	}

	public Duration getExchangeCodeTimeToLive() {
		return this.exchangeCodeTimeToLive;
	}

	public void setExchangeCodeTimeToLive(Duration exchangeCodeTimeToLive) {
		this.exchangeCodeTimeToLive = exchangeCodeTimeToLive;
	}

	public Google getGoogle() {
		return this.google;
	}

	public GitHub getGithub() {
		return this.github;
	}

	public Facebook getFacebook() {
		return this.facebook;
	}

	/**
	 * What any registration takes.
	 */
	public static class Provider {

		/**
		 * The redirect URIs a client may send with an authorization code (exact matches; https, or http on a
		 * loopback address). None: codes are refused.
		 */
		private List<String> redirectUris = new ArrayList<>();

		public List<String> getRedirectUris() {
			return this.redirectUris;
		}

		public void setRedirectUris(List<String> redirectUris) {
			this.redirectUris = redirectUris;
		}

	}

	/**
	 * Google.
	 */
	public static class Google extends Provider {

		/**
		 * Google's tokeninfo endpoint, which says whom an access token was issued to.
		 */
		private URI tokeninfoUri = URI.create(ProviderSettings.GOOGLE_TOKENINFO);

		/**
		 * The other client ids of the project (Android, iOS) whose id_tokens for this client are accepted. Empty
		 * accepts any whose audience is this client.
		 */
		private List<String> authorizedParties = new ArrayList<>();

		public URI getTokeninfoUri() {
			return this.tokeninfoUri;
		}

		public void setTokeninfoUri(URI tokeninfoUri) {
			this.tokeninfoUri = tokeninfoUri;
		}

		public List<String> getAuthorizedParties() {
			return this.authorizedParties;
		}

		public void setAuthorizedParties(List<String> authorizedParties) {
			this.authorizedParties = authorizedParties;
		}

	}

	/**
	 * GitHub (an OAuth app; its registration needs the {@code user:email} scope beside {@code read:user}).
	 */
	public static class GitHub extends Provider {

		/**
		 * GitHub's REST API root: {@code /user}, {@code /user/emails} and the application token check. GitHub
		 * Enterprise: {@code https://HOST/api/v3}.
		 */
		private URI apiUri = URI.create(ProviderSettings.GITHUB_API);

		public URI getApiUri() {
			return this.apiUri;
		}

		public void setApiUri(URI apiUri) {
			this.apiUri = apiUri;
		}

	}

	/**
	 * Facebook.
	 */
	public static class Facebook extends Provider {

		/**
		 * Facebook's Graph API root, with its version: {@code debug_token}, {@code /me}, and the token endpoint when
		 * the registration keeps Spring Security's (retired) v2.8 default.
		 */
		private URI graphApiUri = URI.create(ProviderSettings.FACEBOOK_GRAPH_API);

		/**
		 * How long the app access token used to check user tokens is reused.
		 */
		private Duration appTokenTimeToLive = Duration.ofMinutes(5);

		public URI getGraphApiUri() {
			return this.graphApiUri;
		}

		public void setGraphApiUri(URI graphApiUri) {
			this.graphApiUri = graphApiUri;
		}

		public Duration getAppTokenTimeToLive() {
			return this.appTokenTimeToLive;
		}

		public void setAppTokenTimeToLive(Duration appTokenTimeToLive) {
			this.appTokenTimeToLive = appTokenTimeToLive;
		}

	}

	/**
	 * A generic OpenID Connect registration, under {@code myuser.social.<registration id>.*}.
	 */
	public static class OidcProvider extends Provider {

		/**
		 * The issuer its id_tokens carry, when the provider is configured with a jwk-set-uri and no issuer-uri.
		 */
		private @Nullable String issuer;

		/**
		 * Signature algorithms accepted on its id_tokens besides RS256 (RS384, RS512, PS256…, ES256…).
		 */
		private List<String> idTokenAlgorithms = new ArrayList<>();

		public @Nullable String getIssuer() {
			return this.issuer;
		}

		public void setIssuer(@Nullable String issuer) {
			this.issuer = issuer;
		}

		public List<String> getIdTokenAlgorithms() {
			return this.idTokenAlgorithms;
		}

		public void setIdTokenAlgorithms(List<String> idTokenAlgorithms) {
			this.idTokenAlgorithms = idTokenAlgorithms;
		}

	}

}
