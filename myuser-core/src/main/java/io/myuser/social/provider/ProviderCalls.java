package io.myuser.social.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.util.Assert;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.client.RestTemplate;

/**
 * The HTTP client of every provider call, with the configured connect and read timeouts, and the one rule that
 * turns a failed call into an answer: the provider unreachable, too slow or failing (5xx) is a 502
 * ({@link ProviderUnavailableException}); the provider refusing the credential (4xx, an OAuth error) is a 400
 * ({@link SocialCredentialRejectedException}). Failures are logged with the provider, the call and the status,
 * never with a message or URL, which may carry a token.
 */
public final class ProviderCalls {

	private static final Logger logger = LoggerFactory.getLogger(ProviderCalls.class);

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final ClientHttpRequestFactory requestFactory = this::createRequest;

	private final Object clientLock = new Object();

	private volatile @Nullable JdkClientHttpRequestFactory client;

	public ProviderCalls(Duration connectTimeout, Duration readTimeout) {
		Assert.isTrue(connectTimeout != null && !connectTimeout.isNegative() && !connectTimeout.isZero(), "connectTimeout must be positive");
		Assert.isTrue(readTimeout != null && !readTimeout.isNegative() && !readTimeout.isZero(), "readTimeout must be positive");
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
	}

	/**
	 * The JDK HTTP client is built on the first provider call, not with this bean: building one sets up TLS (the
	 * default SSL context, its trust store) and starts a selector thread, which every startup would pay for, and
	 * many applications never call a provider until a user signs in with one.
	 */
	private ClientHttpRequest createRequest(URI uri, HttpMethod method) throws IOException {
		JdkClientHttpRequestFactory current = this.client;
		if (current == null) {
			synchronized (this.clientLock) {
				current = this.client;
				if (current == null) {
					current = buildClient();
					this.client = current;
				}
			}
		}
		return current.createRequest(uri, method);
	}

	/**
	 * A client that cannot be built (a broken trust store, say) fails the call as an I/O failure: the provider is
	 * unavailable (502), and the next call tries again.
	 */
	private JdkClientHttpRequestFactory buildClient() throws IOException {
		try {
			HttpClient http = HttpClient.newBuilder()
				.connectTimeout(this.connectTimeout)
				.followRedirects(HttpClient.Redirect.NEVER)
				// HTTP/1.1: the JDK client's cleartext HTTP/2 upgrade of a first POST with a body fails against some
				// servers; provider calls are few and short, and HTTPS endpoints lose nothing that matters.
				.version(HttpClient.Version.HTTP_1_1)
				.build();
			JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
			factory.setReadTimeout(this.readTimeout);
			return factory;
		}
		catch (RuntimeException ex) {
			throw new IOException("The HTTP client for social provider calls could not be built", ex);
		}
	}

	/**
	 * Create the calls of a set of settings.
	 * @param settings the settings
	 * @return the calls
	 */
	public static ProviderCalls of(ProviderSettings settings) {
		return new ProviderCalls(settings.connectTimeout(), settings.readTimeout());
	}

	/**
	 * Return the request factory every provider call goes through.
	 * @return the factory, with the timeouts (a JDK HTTP client, built on the first request)
	 */
	public ClientHttpRequestFactory requestFactory() {
		return this.requestFactory;
	}

	/**
	 * Return a new REST client on the factory, which throws on any status other than 2xx.
	 * @return the client
	 */
	public RestClient restClient() {
		return RestClient.builder().requestFactory(this.requestFactory).build();
	}

	/**
	 * Return a REST template on the factory (for the JWK set fetch of the id_token decoders).
	 * @return the template
	 */
	public RestTemplate restTemplate() {
		return new RestTemplate(this.requestFactory);
	}

	/**
	 * Return the refusal a failed call means.
	 * @param providerId the provider
	 * @param call what was called, for the log ({@code tokeninfo}, {@code debug_token}, …)
	 * @param failure what the call threw
	 * @return a 502 when the provider is unreachable, slow or failing; else a 400
	 */
	public static RuntimeException refusal(String providerId, String call, RuntimeException failure) {
		if (failure instanceof ProviderUnavailableException || failure instanceof SocialCredentialRejectedException) {
			return failure;
		}
		Throwable cause = failure;
		while (cause != null) {
			if (cause instanceof ResourceAccessException || cause instanceof HttpServerErrorException) {
				logger.warn("Social provider '{}' failed on {}: {}{}", providerId, call, cause.getClass().getSimpleName(),
						status(cause));
				return new ProviderUnavailableException(providerId);
			}
			if (cause instanceof RestClientResponseException response
					&& (response.getStatusCode().is5xxServerError() || response.getStatusCode().value() == 429)) {
				// A provider that throttles MyUser is unavailable for now; the credential was not judged.
				logger.warn("Social provider '{}' failed on {}: status {}", providerId, call,
						response.getStatusCode().value());
				return new ProviderUnavailableException(providerId);
			}
			cause = cause.getCause();
		}
		logger.debug("Social provider '{}' refused a credential on {}: {}{}", providerId, call,
				failure.getClass().getSimpleName(), status(failure));
		return new SocialCredentialRejectedException();
	}

	/**
	 * Make a call that answers a JSON object.
	 * @param providerId the provider
	 * @param call what is called, for the log
	 * @param request the call
	 * @return the object
	 * @throws ProviderUnavailableException if the provider is unreachable, slow or failing
	 * @throws SocialCredentialRejectedException if it answers 4xx or anything but an object
	 */
	public static JsonNode object(String providerId, String call, Supplier<@Nullable JsonNode> request) {
		JsonNode answer = json(providerId, call, request);
		if (!answer.isObject()) {
			throw new SocialCredentialRejectedException();
		}
		return answer;
	}

	/**
	 * Make a call that answers JSON.
	 * @param providerId the provider
	 * @param call what is called, for the log
	 * @param request the call
	 * @return the answer
	 * @throws ProviderUnavailableException if the provider is unreachable, slow or failing
	 * @throws SocialCredentialRejectedException if it answers 4xx or no body
	 */
	public static JsonNode json(String providerId, String call, Supplier<@Nullable JsonNode> request) {
		JsonNode answer;
		try {
			answer = request.get();
		}
		catch (RuntimeException ex) {
			throw refusal(providerId, call, ex);
		}
		if (answer == null) {
			throw new SocialCredentialRejectedException();
		}
		return answer;
	}

	private static String status(Throwable failure) {
		if (failure instanceof RestClientResponseException response) {
			HttpStatusCode code = response.getStatusCode();
			return " (status " + code.value() + ")";
		}
		if (failure instanceof OAuth2AuthorizationException oauth) {
			return " (" + oauth.getError().getErrorCode() + ")";
		}
		return "";
	}

}
