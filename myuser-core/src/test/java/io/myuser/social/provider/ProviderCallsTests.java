package io.myuser.social.provider;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.UnknownHttpStatusCodeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ProviderCalls}: which failures mean the provider is unavailable (502) and which mean it refused
 * the credential (400), wherever they sit in the cause chain; and, against a local HTTP server, that the client's
 * read timeout, 5xx and 4xx answers end up on the right side and redirects are not followed.
 */
class ProviderCallsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HttpServer server;

	private ExecutorService executor;

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger redirectTargetCalls = new AtomicInteger();

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.executor = Executors.newCachedThreadPool();
		this.server.setExecutor(this.executor);
		this.server.createContext("/ok", (exchange) -> answer(exchange, 200, "{\"ok\":true}"));
		this.server.createContext("/array", (exchange) -> answer(exchange, 200, "[1,2]"));
		this.server.createContext("/unavailable", (exchange) -> answer(exchange, 503, "{\"error\":\"later\"}"));
		this.server.createContext("/unauthorized", (exchange) -> answer(exchange, 401, "{\"error\":\"invalid\"}"));
		this.server.createContext("/slow", (exchange) -> {
			try {
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			answer(exchange, 200, "{\"late\":true}");
		});
		this.server.createContext("/redirect", (exchange) -> {
			exchange.getResponseHeaders().add(HttpHeaders.LOCATION, url("/redirect-target"));
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		this.server.createContext("/redirect-target", (exchange) -> {
			this.redirectTargetCalls.incrementAndGet();
			answer(exchange, 200, "{\"followed\":true}");
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.release.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	@Test
	void unreachableOrSlowProvidersAreUnavailable() {
		assertUnavailable(new ResourceAccessException("I/O error", new SocketTimeoutException("Read timed out")));
		assertUnavailable(new ResourceAccessException("I/O error"));
	}

	@Test
	void providersAnswering5xxAreUnavailable() {
		assertUnavailable(new HttpServerErrorException(HttpStatus.INTERNAL_SERVER_ERROR));
		assertUnavailable(new HttpServerErrorException(HttpStatus.BAD_GATEWAY));
		assertUnavailable(HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
				HttpHeaders.EMPTY, new byte[0], StandardCharsets.UTF_8));
		// A status Spring has no constant for, in the 5xx range.
		assertUnavailable(new UnknownHttpStatusCodeException(599, "", HttpHeaders.EMPTY, new byte[0],
				StandardCharsets.UTF_8));
	}

	@Test
	void providersAnswering4xxRefuseTheCredential() {
		assertRejected(new HttpClientErrorException(HttpStatus.BAD_REQUEST));
		assertRejected(new HttpClientErrorException(HttpStatus.UNAUTHORIZED));
		assertRejected(new HttpClientErrorException(HttpStatus.FORBIDDEN));
		assertRejected(new HttpClientErrorException(HttpStatus.NOT_FOUND));
		assertRejected(new UnknownHttpStatusCodeException(499, "", HttpHeaders.EMPTY, new byte[0],
				StandardCharsets.UTF_8));
	}

	@Test
	void wrappedCausesAreFoundInTheChain() {
		// The token endpoint through Spring Security's client: a 5xx, or a timeout, wrapped in an OAuth2 error.
		assertUnavailable(new OAuth2AuthorizationException(new OAuth2Error("invalid_token_response"),
				new HttpServerErrorException(HttpStatus.INTERNAL_SERVER_ERROR)));
		assertUnavailable(new OAuth2AuthorizationException(new OAuth2Error("invalid_token_response"),
				new ResourceAccessException("I/O error", new SocketTimeoutException())));
		assertUnavailable(new IllegalStateException("outer",
				new RuntimeException("middle", new ResourceAccessException("I/O error"))));
		// GitHub's 200 {"error": "bad_verification_code"}: an OAuth2 error caused by a plain client exception.
		assertRejected(new OAuth2AuthorizationException(new OAuth2Error("bad_verification_code"),
				new RestClientException("error response")));
		assertRejected(new OAuth2AuthorizationException(new OAuth2Error("invalid_grant"),
				new HttpClientErrorException(HttpStatus.BAD_REQUEST)));
		assertRejected(new OAuth2AuthorizationException(new OAuth2Error("invalid_grant")));
	}

	@Test
	void anythingElseRefusesTheCredential() {
		assertRejected(new RestClientException("Could not extract response"));
		assertRejected(new IllegalArgumentException("bad"));
		assertRejected(new IllegalStateException("no cause"));
	}

	@Test
	void refusalsAlreadyClassifiedPassUnchanged() {
		ProviderUnavailableException unavailable = new ProviderUnavailableException("google");
		SocialCredentialRejectedException rejected = new SocialCredentialRejectedException();
		assertThat(ProviderCalls.refusal("google", "tokeninfo", unavailable)).isSameAs(unavailable);
		assertThat(ProviderCalls.refusal("google", "tokeninfo", rejected)).isSameAs(rejected);
	}

	@Test
	void theUnavailableRefusalNamesTheProviderAndNeverTheFailure() {
		RuntimeException refusal = ProviderCalls.refusal("github", "token check",
				new ResourceAccessException("I/O error on GET https://api.github.com/?access_token=gho_secret"));
		assertThat(refusal).isInstanceOf(ProviderUnavailableException.class)
			.hasMessageNotContaining("gho_secret")
			.hasNoCause();
		assertThat(((ProviderUnavailableException) refusal).getDetail()).contains("github")
			.doesNotContain("gho_secret");
	}

	@Test
	void jsonAndObjectClassifyWhatTheCallThrows() {
		assertThatExceptionOfType(ProviderUnavailableException.class).isThrownBy(() -> ProviderCalls.json("google",
				"tokeninfo", () -> {
					throw new HttpServerErrorException(HttpStatus.SERVICE_UNAVAILABLE);
				}));
		assertThatExceptionOfType(SocialCredentialRejectedException.class).isThrownBy(() -> ProviderCalls.object(
				"google", "tokeninfo", () -> {
					throw new HttpClientErrorException(HttpStatus.BAD_REQUEST);
				}));
	}

	@Test
	void noAnswerOrAnAnswerThatIsNotAnObjectRefusesTheCredential() {
		assertThatExceptionOfType(SocialCredentialRejectedException.class)
			.isThrownBy(() -> ProviderCalls.json("google", "tokeninfo", () -> null));
		assertThatExceptionOfType(SocialCredentialRejectedException.class)
			.isThrownBy(() -> ProviderCalls.object("google", "tokeninfo", () -> JSON.readTree("[1,2]")));
		assertThatExceptionOfType(SocialCredentialRejectedException.class)
			.isThrownBy(() -> ProviderCalls.object("google", "tokeninfo", () -> JSON.readTree("\"text\"")));
		assertThat(ProviderCalls.json("google", "tokeninfo", () -> JSON.readTree("[1,2]")).isArray()).isTrue();
		assertThat(ProviderCalls.object("google", "tokeninfo", () -> JSON.readTree("{\"aud\":\"x\"}")).path("aud")
			.asString()).isEqualTo("x");
	}

	@Test
	void overHttpASlowProviderIsUnavailable() {
		ProviderCalls calls = new ProviderCalls(Duration.ofSeconds(2), Duration.ofMillis(250));
		assertThatExceptionOfType(ProviderUnavailableException.class).isThrownBy(() -> get(calls, "/slow"));
	}

	@Test
	void overHttpA5xxIsUnavailableAnd4xxRefused() {
		ProviderCalls calls = new ProviderCalls(Duration.ofSeconds(2), Duration.ofSeconds(5));
		assertThatExceptionOfType(ProviderUnavailableException.class).isThrownBy(() -> get(calls, "/unavailable"));
		assertThatExceptionOfType(SocialCredentialRejectedException.class)
			.isThrownBy(() -> get(calls, "/unauthorized"));
		assertThat(get(calls, "/ok").path("ok").asBoolean()).isTrue();
		assertThatExceptionOfType(SocialCredentialRejectedException.class)
			.isThrownBy(() -> ProviderCalls.object("test", "array", () -> calls.restClient()
				.get()
				.uri(url("/array"))
				.retrieve()
				.body(JsonNode.class)));
	}

	@Test
	void overHttpAProviderThatRefusesConnectionsIsUnavailable() throws IOException {
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		ProviderCalls calls = new ProviderCalls(Duration.ofSeconds(2), Duration.ofSeconds(2));
		String closed = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port + "/ok";
		assertThatExceptionOfType(ProviderUnavailableException.class).isThrownBy(() -> ProviderCalls.json("test",
				"closed", () -> calls.restClient().get().uri(closed).retrieve().body(JsonNode.class)));
	}

	@Test
	void redirectsAreNotFollowed() {
		ProviderCalls calls = new ProviderCalls(Duration.ofSeconds(2), Duration.ofSeconds(5));
		assertThatExceptionOfType(SocialCredentialRejectedException.class).isThrownBy(() -> get(calls, "/redirect"));
		assertThat(this.redirectTargetCalls).hasValue(0);
	}

	@Test
	void timeoutsMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ProviderCalls(Duration.ZERO, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new ProviderCalls(Duration.ofSeconds(1), Duration.ZERO));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ProviderCalls(Duration.ofSeconds(-1), Duration.ofSeconds(1)));
	}

	private JsonNode get(ProviderCalls calls, String path) {
		return ProviderCalls.json("test", path,
				() -> calls.restClient().get().uri(url(path)).retrieve().body(JsonNode.class));
	}

	private String url(String path) {
		return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + this.server.getAddress().getPort()
				+ path;
	}

	private static void assertUnavailable(RuntimeException failure) {
		assertThat(ProviderCalls.refusal("google", "tokeninfo", failure)).as(failure.toString())
			.isInstanceOf(ProviderUnavailableException.class);
	}

	private static void assertRejected(RuntimeException failure) {
		assertThat(ProviderCalls.refusal("google", "tokeninfo", failure)).as(failure.toString())
			.isInstanceOf(SocialCredentialRejectedException.class);
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add(HttpHeaders.CONTENT_TYPE, "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
