package io.myuser.sample.social;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.nimbusds.jose.jwk.source.JWKSource;
import io.myuser.account.UserAccountService;
import io.myuser.sample.social.sas.TestAuthorizationServer;
import io.myuser.sample.test.HttpResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.myuser.sample.social.SocialRedirectFlowTests.base64Url;
import static io.myuser.sample.social.SocialRedirectFlowTests.callbackUrl;
import static io.myuser.sample.social.SocialRedirectFlowTests.encode;
import static io.myuser.sample.social.SocialRedirectFlowTests.exchangeCodeOf;
import static io.myuser.sample.social.SocialRedirectFlowTests.query;
import static io.myuser.sample.social.SocialRedirectFlowTests.randomBytes;
import static io.myuser.sample.social.SocialRedirectFlowTests.s256;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generic OpenID Connect path against a real provider: a Spring Authorization Server
 * ({@link TestAuthorizationServer}), started before this class's context, registered the Spring way as
 * {@code sas} with only {@code client-id}, {@code client-secret}, the grant, the scopes and
 * {@code provider.sas.issuer-uri}, everything else found by discovery. A browser that keeps cookies logs in on the
 * server's form. Shown: the redirect flow creates the account, then logs it in; the {@code code} body form with the
 * app's own PKCE; an id_token of the server's token response works once, and not at Google; and the server's
 * beans stay out of the sample app's context.
 */
class SpringAuthorizationServerTests extends SocialTestSupport {

	/** Users of the server, one per test, so that no test depends on another's account. */
	private static final String REDIRECT_USER = "ada";

	private static final String CODE_USER = "grace";

	private static final String REPLAY_USER = "hedy";

	private static final String GOOGLE_USER = "joan";

	/** Started before any context: MyUser's registration reads the server's discovery document at startup. */
	private static final TestAuthorizationServer SAS = TestAuthorizationServer.start(
			List.of(API_URL + BASE + "/social/sas/callback", APP_CALLBACK),
			List.of(REDIRECT_USER, CODE_USER, REPLAY_USER, GOOGLE_USER));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@Autowired
	private ApplicationContext context;

	@DynamicPropertySource
	static void sas(DynamicPropertyRegistry registry) {
		String registration = "spring.security.oauth2.client.registration.sas.";
		registry.add(registration + "client-id", () -> TestAuthorizationServer.CLIENT_ID);
		registry.add(registration + "client-secret", () -> TestAuthorizationServer.CLIENT_SECRET);
		registry.add(registration + "client-authentication-method", () -> "client_secret_basic");
		registry.add(registration + "authorization-grant-type", () -> "authorization_code");
		registry.add(registration + "scope", () -> "openid,email,profile");
		registry.add("spring.security.oauth2.client.provider.sas.issuer-uri", SAS::issuer);
		registry.add("myuser.social.sas.redirect-uris", () -> APP_CALLBACK);
	}

	@AfterAll
	static void stopServer() {
		SAS.close();
	}

	@Test
	void the_redirect_flow_through_the_servers_login_creates_the_account_then_logs_in_to_it() {
		String email = TestAuthorizationServer.emailOf(REDIRECT_USER);

		JsonNode created = redirectFlow(REDIRECT_USER);
		JsonNode again = redirectFlow(REDIRECT_USER);

		assertThat(created.get("user").get("email").asString()).isEqualTo(email);
		String userId = userIdOf(email).toString();
		assertThat(created.get("user").get("id").asString()).isEqualTo(userId);
		assertThat(again.get("user").get("id").asString()).as("the second flow logs in to the same account")
			.isEqualTo(userId);
		assertThat(count("select count(*) from myuser_user where email = ?", email)).isEqualTo(1);
		assertThat(count("select count(*) from myuser_social_account where provider = 'sas' and uid = ?",
				REDIRECT_USER)).isEqualTo(1);
		HttpResult status = getWithToken(BASE + "/social/accounts/status/", again.get("access").asString());
		assertThat(status.status()).as(status.body()).isEqualTo(200);
		assertThat(status.json().get("has_password").asBoolean()).isFalse();
		assertThat(status.json().get("social_accounts").get("sas").get("uid").asString()).isEqualTo(REDIRECT_USER);
		assertThat(refresh(created.get("refresh").asString()).status()).isEqualTo(200);
	}

	@Test
	void a_code_the_app_obtained_with_its_own_pkce_logs_in_once_and_only_with_its_verifier() {
		String verifier = base64Url(randomBytes());
		URI back = new Browser().authorize(appAuthorization(s256(verifier), "app-state"), CODE_USER);
		Map<String, String> params = query(back);
		assertThat(params).containsEntry("state", "app-state").containsKey("code");
		Map<String, String> body = new LinkedHashMap<>();
		body.put("code", params.get("code"));
		body.put("redirect_uri", APP_CALLBACK);
		body.put("code_verifier", verifier);

		HttpResult login = socialLogin("sas", body);
		HttpResult again = socialLogin("sas", body);

		assertThat(login.status()).as(login.body()).isEqualTo(200);
		assertThat(login.json().get("user").get("email").asString())
			.isEqualTo(TestAuthorizationServer.emailOf(CODE_USER));
		HttpResult status = getWithToken(BASE + "/social/accounts/status/", login.json().get("access").asString());
		assertThat(status.json().get("social_accounts").get("sas").get("uid").asString()).isEqualTo(CODE_USER);
		assertRejected(again, "the server refuses a code used before");

		String otherVerifier = base64Url(randomBytes());
		String otherCode = query(new Browser().authorize(appAuthorization(s256(otherVerifier), "s2"), CODE_USER))
			.get("code");
		body.put("code", otherCode);
		body.put("code_verifier", verifier);
		assertRejected(socialLogin("sas", body), "the server refuses a verifier that is not the code's");
	}

	@Test
	void an_id_token_of_the_servers_token_response_logs_in_once_and_its_replay_is_refused() {
		String idToken = idTokenFromTokenResponse(REPLAY_USER);
		JsonNode claims = claimsOf(idToken);
		assertThat(claims.get("iss").asString()).isEqualTo(SAS.issuer());
		assertThat(claims.get("aud").toString()).contains(TestAuthorizationServer.CLIENT_ID);
		assertThat(claims.get("email").asString()).isEqualTo(TestAuthorizationServer.emailOf(REPLAY_USER));
		assertThat(claims.get("jti").asString()).as("the server's id_tokens carry a jti").isNotBlank();

		HttpResult first = socialLogin("sas", body("id_token", idToken));
		HttpResult replay = socialLogin("sas", body("id_token", idToken));

		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("user").get("email").asString())
			.isEqualTo(TestAuthorizationServer.emailOf(REPLAY_USER));
		assertRejected(replay, "an id_token used before");
		assertThat(replay.body()).doesNotContain(first.json().get("access").asString());
		assertThat(count("select count(*) from myuser_social_account where provider = 'sas' and uid = ?",
				REPLAY_USER)).isEqualTo(1);
	}

	@Test
	void an_id_token_of_the_server_is_refused_as_a_google_one_and_stays_usable_where_it_belongs() {
		String idToken = idTokenFromTokenResponse(GOOGLE_USER);
		String email = TestAuthorizationServer.emailOf(GOOGLE_USER);

		HttpResult atGoogle = socialLogin("google", body("id_token", idToken));

		assertRejected(atGoogle, "another provider's id_token");
		assertThat(count("select count(*) from myuser_user where email = ?", email)).isZero();
		HttpResult atSas = socialLogin("sas", body("id_token", idToken));
		assertThat(atSas.status()).as("the refusal did not use the token up: " + atSas.body()).isEqualTo(200);
		assertThat(atSas.json().get("user").get("email").asString()).isEqualTo(email);
	}

	@Test
	void the_servers_beans_stay_in_its_own_application() {
		for (Class<?> type : List.of(RegisteredClientRepository.class, AuthorizationServerSettings.class,
				JWKSource.class, JwtDecoder.class, TestAuthorizationServer.class)) {
			assertThat(this.context.getBeanNamesForType(type)).as("beans of %s in MyUser's context", type.getName())
				.isEmpty();
		}
		assertThat(this.context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys(
				"myUserSecurityFilterChain", "sampleSecurityFilterChain", "devMailboxSecurityFilterChain");
		ApplicationContext server = SAS.context();
		assertThat(server.getBeanNamesForType(RegisteredClientRepository.class)).hasSize(1);
		assertThat(server.getBeanNamesForType(DataSource.class)).as("no database in the server").isEmpty();
		assertThat(server.getBeanNamesForType(UserAccountService.class)).isEmpty();
		assertThat(server.getEnvironment().containsProperty("sample.demo-user.enabled"))
			.as("the sample app's application.properties does not apply to the server")
			.isFalse();
		assertThat(this.context.getEnvironment().getProperty("sample.demo-user.enabled"))
			.as("but applies to the sample app")
			.isNotNull();
	}

	// The flows

	/** A whole redirect flow for a user of the server, on a new browser; returns the exchange's login body. */
	private JsonNode redirectFlow(String username) {
		HttpResult authorize = get(BASE + "/social/sas/authorize?redirect_to=" + encode(APP_DONE));
		assertThat(authorize.status()).as(authorize.body()).isEqualTo(302);
		URI toServer = URI.create(authorize.header("Location"));
		Map<String, String> request = query(toServer);
		assertThat(toServer.toString()).startsWith(SAS.issuer() + "/oauth2/authorize?");
		assertThat(request).containsEntry("response_type", "code")
			.containsEntry("client_id", TestAuthorizationServer.CLIENT_ID)
			.containsEntry("redirect_uri", callbackUrl("sas"))
			.containsEntry("code_challenge_method", "S256")
			.containsKeys("state", "nonce", "code_challenge")
			.doesNotContainKey("code_verifier");
		assertThat(request.get("scope").split(" ")).containsExactlyInAnyOrder("openid", "email", "profile");

		URI back = new Browser().authorize(toServer, username);

		assertThat(back.getScheme() + "://" + back.getAuthority() + back.getPath()).isEqualTo(callbackUrl("sas"));
		Map<String, String> answer = query(back);
		assertThat(answer).containsEntry("state", request.get("state")).containsKey("code");
		HttpResult callback = get(BASE + "/social/sas/callback?" + back.getRawQuery());
		HttpResult exchanged = postJson(BASE + "/social/exchange/", json(Map.of("code", exchangeCodeOf(callback))));
		assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
		return exchanged.json();
	}

	/** The server's authorization URL as an app builds it for itself, to its own redirect URI, with PKCE. */
	private static URI appAuthorization(String challenge, String state) {
		return URI.create(SAS.issuer() + "/oauth2/authorize?response_type=code&client_id="
				+ TestAuthorizationServer.CLIENT_ID + "&scope=" + encode("openid email profile") + "&redirect_uri="
				+ encode(APP_CALLBACK) + "&state=" + encode(state) + "&code_challenge=" + challenge
				+ "&code_challenge_method=S256");
	}

	/** Log a user in for an app, then redeem its code at the server's token endpoint; returns the id_token. */
	private String idTokenFromTokenResponse(String username) {
		String verifier = base64Url(randomBytes());
		String code = query(new Browser().authorize(appAuthorization(s256(verifier), "s"), username)).get("code");
		String credentials = Base64.getEncoder()
			.encodeToString((TestAuthorizationServer.CLIENT_ID + ":" + TestAuthorizationServer.CLIENT_SECRET)
				.getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SAS.issuer() + "/oauth2/token"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + encode(code)
					+ "&redirect_uri=" + encode(APP_CALLBACK) + "&code_verifier=" + encode(verifier)));
		HttpResult tokens = send(request);
		assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
		String idToken = tokens.json().path("id_token").asString();
		assertThat(idToken).isNotBlank();
		return idToken;
	}

	private static JsonNode claimsOf(String jwt) {
		String[] parts = jwt.split("\\.");
		assertThat(parts).hasSize(3);
		return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
	}

	private static void assertRejected(HttpResult result, String what) {
		assertThat(result.status()).as(what + ": " + result.body()).isEqualTo(400);
		assertThat(result.isProblem()).isTrue();
		assertThat(result.json().get("type").asString()).isEqualTo("urn:myuser:problem:social-credential-rejected");
	}

	/**
	 * A browser on the authorization server: keeps its cookies, follows no redirect by itself, asks for HTML.
	 */
	private static final class Browser {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();

		/**
		 * Open an authorization URL of the server, log in on its form and return where the server sends the
		 * browser back: the client's redirect URI with the code and state.
		 */
		URI authorize(URI authorization, String username) {
			HttpResponse<String> toLogin = send(get(authorization));
			assertThat(toLogin.statusCode()).as("not logged in yet: %s", toLogin.body()).isEqualTo(302);
			URI loginPage = location(toLogin);
			assertThat(loginPage.getPath()).isEqualTo("/login");
			HttpResponse<String> form = send(get(loginPage));
			assertThat(form.statusCode()).isEqualTo(200);
			Matcher csrf = CSRF.matcher(form.body());
			assertThat(csrf.find()).as("the login form carries a CSRF token: %s", form.body()).isTrue();

			HttpResponse<String> loggedIn = send(HttpRequest.newBuilder(loginPage)
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
						+ encode(TestAuthorizationServer.PASSWORD) + "&_csrf=" + encode(csrf.group(1))))
				.build());
			assertThat(loggedIn.statusCode()).as("login: %s", loggedIn.body()).isEqualTo(302);
			URI resumed = location(loggedIn);
			assertThat(resumed.getPath()).as("back to the authorization request").isEqualTo("/oauth2/authorize");

			HttpResponse<String> granted = send(get(resumed));
			assertThat(granted.statusCode()).as("authorized: %s", granted.body()).isEqualTo(302);
			return location(granted);
		}

		private static HttpRequest get(URI uri) {
			return HttpRequest.newBuilder(uri)
				.timeout(Duration.ofSeconds(30))
				.header("Accept", "text/html")
				.GET()
				.build();
		}

		private static URI location(HttpResponse<String> response) {
			String location = response.headers().firstValue("Location").orElse(null);
			assertThat(location).as("Location of a %d", response.statusCode()).isNotNull();
			return response.uri().resolve(location);
		}

		private HttpResponse<String> send(HttpRequest request) {
			try {
				return this.client.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
