package io.myuser.social.redirect;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.myuser.social.SocialLogin;
import io.myuser.social.SocialLoginService;
import io.myuser.social.provider.ProviderKind;
import io.myuser.social.provider.ProviderVerification;
import io.myuser.social.provider.SocialIdentity;
import io.myuser.social.provider.SocialProvider;
import io.myuser.support.ClientInfo;
import io.myuser.support.InvalidInputException;
import io.myuser.support.RefusedException;
import io.myuser.support.SecretTokens;
import io.myuser.support.persistence.RetryingTransactions;
import io.myuser.token.TokenPair;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.util.Assert;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The three steps of the redirect flow. The state (256 random bits) names a server-side row holding the PKCE
 * verifier and the nonce, sealed under the state itself; the callback uses the row up and, whatever the outcome,
 * sends the browser back to the app with either a one-time code (256 bits, single use, short-lived) or an
 * {@code error} (the refusal's code), never a token. The app trades the code for the login answer.
 * <p>
 * Against login CSRF (someone else's callback URL opened in the victim's browser logs the victim in as them), the
 * app may send a {@code code_challenge} (S256 of a verifier only it holds) to authorize; the exchange then requires
 * that verifier.
 */
public class SocialRedirectFlow {

	private static final Logger logger = LoggerFactory.getLogger(SocialRedirectFlow.class);

	private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SocialLoginService logins;

	private final ProviderVerification verification;

	private final SocialFlowStore store;

	private final RedirectSettings settings;

	private final Clock clock;

	public SocialRedirectFlow(SocialLoginService logins, ProviderVerification verification, SocialFlowStore store,
			RedirectSettings settings, Clock clock) {
		Assert.notNull(logins, "logins cannot be null");
		Assert.notNull(verification, "verification cannot be null");
		Assert.notNull(store, "store cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.logins = logins;
		this.verification = verification;
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Start a flow.
	 * @param providerId the registration id
	 * @param redirectTo where the browser goes back to (one of the allowed redirects)
	 * @param clientChallenge the app's S256 challenge, if it binds the exchange to itself
	 * @return the provider's authorization URL to send the browser to
	 */
	public URI authorize(String providerId, String redirectTo, @Nullable String clientChallenge) {
		SocialProvider provider = enabledProvider(providerId);
		if (!this.settings.allowedRedirects().contains(redirectTo)) {
			throw InvalidInputException.forField("redirect_to", "This URL is not an allowed redirect.");
		}
		if (clientChallenge != null && !CHALLENGE.matcher(clientChallenge).matches()) {
			throw InvalidInputException.forField("code_challenge",
					"A code challenge is the unpadded base64url SHA-256 of a verifier (43 characters).");
		}
		String state = SecretTokens.generate();
		String verifier = SecretTokens.generate();
		String nonce = issuesIdTokens(provider) ? SecretTokens.generate() : null;
		Map<String, String> sealed = new LinkedHashMap<>();
		sealed.put("verifier", verifier);
		if (nonce != null) {
			sealed.put("nonce", nonce);
		}
		Instant now = this.clock.instant();
		this.store.save(SocialFlowStore.STATE, state, provider.id(), redirectTo,
				FlowSealer.seal(state, SocialFlowStore.STATE, JSON.writeValueAsString(sealed)), clientChallenge, now,
				now.plus(this.settings.stateTimeToLive()));
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put(PkceParameterNames.CODE_CHALLENGE, s256(verifier));
		parameters.put(PkceParameterNames.CODE_CHALLENGE_METHOD, "S256");
		if (nonce != null) {
			parameters.put(OidcParameterNames.NONCE, nonce);
		}
		OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri(provider.registration().getProviderDetails().getAuthorizationUri())
			.clientId(provider.clientId())
			.redirectUri(callbackUri(provider))
			.scopes(provider.registration().getScopes())
			.state(state)
			.additionalParameters(parameters)
			.build();
		return URI.create(request.getAuthorizationRequestUri());
	}

	/**
	 * Take the provider's answer.
	 * @param providerId the registration id of the route
	 * @param state the state the provider returned
	 * @param code the code, when the person agreed
	 * @param error the provider's error, when not
	 * @param locale the language of any email the login causes
	 * @param client the browser
	 * @return where to send the browser: the app's URL with {@code code} or {@code error}
	 * @throws RefusedException 400 if the state is unknown, used, expired or of another provider (there is then no
	 * app URL to go back to)
	 */
	public URI callback(String providerId, @Nullable String state, @Nullable String code, @Nullable String error,
			Locale locale, ClientInfo client) {
		SocialProvider provider = enabledProvider(providerId);
		if (state == null || state.isBlank() || state.length() > 128) {
			throw invalidState();
		}
		Instant now = this.clock.instant();
		SocialFlowStore.Flow flow = this.store.consume(SocialFlowStore.STATE, state, now)
			.filter((found) -> found.provider().equals(provider.id()))
			.orElseThrow(SocialRedirectFlow::invalidState);
		if (error != null || code == null || code.isBlank() || code.length() > 2048) {
			logger.debug("Social provider '{}' returned no code to the callback", provider.id());
			return back(flow.redirectTo(), "error", "access_denied".equals(error) ? "access_denied" : "provider_error");
		}
		JsonNode sealed = FlowSealer.open(state, SocialFlowStore.STATE, flow.sealed())
			.map(JSON::readTree)
			.orElseThrow(SocialRedirectFlow::invalidState);
		String nonce = sealed.path("nonce").isString() ? sealed.path("nonce").asString() : null;
		SocialLogin login;
		try {
			SocialIdentity identity = this.verification.verifyCallback(provider, code, callbackUri(provider),
					sealed.path("verifier").asString(), nonce);
			login = this.logins.logIn(provider, identity, locale, client);
		}
		catch (RefusedException ex) {
			return back(flow.redirectTo(), "error", ex.getCode());
		}
		catch (RetryingTransactions.ConcurrentUpdateException ex) {
			return back(flow.redirectTo(), "error", "concurrent-update");
		}
		String exchangeCode = SecretTokens.generate();
		this.store.save(SocialFlowStore.EXCHANGE, exchangeCode, provider.id(), flow.redirectTo(),
				FlowSealer.seal(exchangeCode, SocialFlowStore.EXCHANGE, JSON.writeValueAsString(answer(login))),
				flow.clientChallenge(), now, now.plus(this.settings.exchangeCodeTimeToLive()));
		return back(flow.redirectTo(), "code", exchangeCode);
	}

	/**
	 * Trade a one-time code for the login it stands for.
	 * @param code the code from the callback
	 * @param codeVerifier the app's verifier, when it sent a challenge to authorize
	 * @return the login
	 * @throws RefusedException 400 if the code is unknown, used or expired, or the verifier does not match
	 */
	public SocialLogin exchange(String code, @Nullable String codeVerifier) {
		Assert.notNull(code, "code cannot be null");
		if (codeVerifier != null && !VERIFIER.matcher(codeVerifier).matches()) {
			throw InvalidInputException.forField("code_verifier",
					"A code verifier is 43 to 128 letters, digits, '-', '.', '_' or '~'.");
		}
		SocialFlowStore.Flow flow = this.store.consume(SocialFlowStore.EXCHANGE, code, this.clock.instant())
			.orElseThrow(SocialRedirectFlow::invalidCode);
		// An app that binds its flows sends a verifier with every exchange: a code of a flow it did not start (an
		// attacker's, opened in the victim's browser) has no challenge, and is refused to it.
		boolean bound = flow.clientChallenge() != null;
		if (bound != (codeVerifier != null) || (bound && !MessageDigest.isEqual(
				s256(codeVerifier).getBytes(StandardCharsets.US_ASCII),
				flow.clientChallenge().getBytes(StandardCharsets.US_ASCII)))) {
			throw invalidCode();
		}
		JsonNode answer = FlowSealer.open(code, SocialFlowStore.EXCHANGE, flow.sealed())
			.map(JSON::readTree)
			.orElseThrow(SocialRedirectFlow::invalidCode);
		return new SocialLogin(
				new TokenPair(answer.path("access").asString(), answer.path("refresh").asString(),
						UUID.fromString(answer.path("session").asString())),
				UUID.fromString(answer.path("user").asString()), answer.path("email").asString(),
				answer.path("first_name").asString(), answer.path("last_name").asString());
	}

	/**
	 * Return whether the flow is on (a callback base URL is configured).
	 * @return whether it is
	 */
	public boolean isEnabled() {
		return this.settings.callbackBase() != null;
	}

	private SocialProvider enabledProvider(String providerId) {
		SocialProvider provider = this.logins.provider(providerId);
		if (!isEnabled()) {
			throw new RefusedException(RefusedException.Reason.NOT_FOUND, "social-redirect-disabled",
					"Redirect flow off", "The redirect flow is not configured (myuser.social.callback-base-url).");
		}
		return provider;
	}

	private String callbackUri(SocialProvider provider) {
		return this.settings.callbackBase() + "/social/" + provider.id() + "/callback";
	}

	private static boolean issuesIdTokens(SocialProvider provider) {
		return provider.kind() == ProviderKind.GOOGLE || provider.kind() == ProviderKind.OIDC;
	}

	private static Map<String, String> answer(SocialLogin login) {
		Map<String, String> answer = new LinkedHashMap<>();
		answer.put("access", login.tokens().access());
		answer.put("refresh", login.tokens().refresh());
		answer.put("session", login.tokens().sessionId().toString());
		answer.put("user", login.userId().toString());
		answer.put("email", login.email());
		answer.put("first_name", login.firstName());
		answer.put("last_name", login.lastName());
		return answer;
	}

	private static URI back(String redirectTo, String name, String value) {
		return UriComponentsBuilder.fromUriString(redirectTo).queryParam(name, value).encode().build().toUri();
	}

	static String s256(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static RefusedException invalidState() {
		return new RefusedException(RefusedException.Reason.INVALID_INPUT, "social-state-invalid", "Invalid state",
				"This sign-in link is unknown, was used already or expired; start again from the app.");
	}

	private static RefusedException invalidCode() {
		return new RefusedException(RefusedException.Reason.INVALID_INPUT, "social-exchange-invalid",
				"Invalid code", "The code is unknown, was used already or expired.");
	}

}
