package io.myuser.sample.social.fake;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.myuser.sample.social.fake.Stubs.jsonAnswer;
import static io.myuser.sample.social.fake.Stubs.map;
import static io.myuser.sample.social.fake.Stubs.when;

/**
 * GitHub as MyUser calls it, the REST API under {@code /github-api} and the web flow under {@code /github}:
 * <ul>
 * <li>{@code POST /github-api/applications/github-client/token} with HTTP Basic of the client id and secret and
 * the JSON body {@code {"access_token": …}}: 200 with the token's authorization, or 404 for an unknown token,
 * another app's token or wrong credentials, as GitHub documents;</li>
 * <li>{@code GET /github-api/user} and {@code /github-api/user/emails} with {@code Authorization: Bearer} (or
 * GitHub's {@code token} scheme): 401 {@code Requires authentication} without it, {@code Bad credentials} for an
 * unknown token;</li>
 * <li>{@code POST /github/login/oauth/access_token}, the code exchange, which answers JSON only when the call
 * sends {@code Accept: application/json} (else a form-encoded body), and answers an unknown code or wrong client
 * credentials with status 200 and an {@code error} field.</li>
 * </ul>
 * Every API call without a {@code User-Agent} header is refused with 403, as GitHub does.
 */
public final class FakeGitHub {

	private static final String API = "/github-api";

	private static final String DOCS = "https://docs.github.com/rest";

	private static final String TROUBLESHOOTING = "https://docs.github.com/apps/managing-oauth-apps/"
			+ "troubleshooting-oauth-app-access-token-request-errors/";

	private final WireMockServer server;

	private final Clock clock;

	FakeGitHub(WireMockServer server, Clock clock) {
		Assert.notNull(server, "server must not be null");
		Assert.notNull(clock, "clock must not be null");
		this.server = server;
		this.clock = clock;
	}

	/** The OAuth app's client id. */
	public String clientId() {
		return "github-client";
	}

	/** The OAuth app's client secret. */
	public String clientSecret() {
		return "github-secret";
	}

	/**
	 * Know this access token as one of our app's, for this user, at the token check.
	 * @param accessToken the access token
	 * @param userId the user's numeric id
	 * @param login the user's login
	 * @return the stub
	 */
	public FakeStub token(String accessToken, long userId, String login) {
		return token(accessToken, userId, login, clientId());
	}

	/**
	 * Know this access token at the token check, but answer that it belongs to the app {@code appClientId}.
	 * github.com answers 404 for another app's token; this answer is for proving that MyUser still compares
	 * {@code app.client_id}.
	 * @param accessToken the access token
	 * @param userId the user's numeric id
	 * @param login the user's login
	 * @param appClientId the client id in the answer's {@code app}
	 * @return the stub
	 */
	public FakeStub token(String accessToken, long userId, String login, String appClientId) {
		Assert.hasText(accessToken, "accessToken must not be empty");
		String now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
		Map<String, @Nullable Object> body = map("id", 1_000_000L + Math.abs((long) accessToken.hashCode()), "url",
				"https://api.github.com/authorizations/1", "scopes", List.of("read:user", "user:email"), "token",
				accessToken, "token_last_eight",
				accessToken.substring(Math.max(0, accessToken.length() - 8)), "hashed_token",
				Stubs.sha256Base64(accessToken), "app",
				map("url", "https://myuser.invalid", "name", "MyUser tests", "client_id", appClientId), "note", null,
				"note_url", null, "updated_at", now, "created_at", now, "fingerprint", null, "expires_at", null,
				"user", userSummary(userId, login), "installation", null);
		return stub(post(urlPathEqualTo(API + "/applications/" + clientId() + "/token")).atPriority(Stubs.STUB)
			.withBasicAuth(clientId(), clientSecret())
			.withRequestBody(matchingJsonPath("$.access_token", equalTo(accessToken)))
			.willReturn(api(200, body)));
	}

	/**
	 * Answer {@code GET /github-api/user} for this token: {@code id} (a JSON number), {@code login},
	 * {@code name}, {@code avatar_url}, {@code html_url} and the other public fields, {@code email} null.
	 * @param accessToken the access token
	 * @param id the user's numeric id
	 * @param login the login
	 * @param name the display name, or null when the user set none
	 * @return the stub
	 */
	public FakeStub user(String accessToken, long id, String login, @Nullable String name) {
		String now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
		Map<String, @Nullable Object> body = userSummary(id, login);
		body.put("name", name);
		body.put("company", null);
		body.put("blog", "");
		body.put("location", null);
		body.put("email", null);
		body.put("bio", null);
		body.put("public_repos", 0);
		body.put("followers", 0);
		body.put("following", 0);
		body.put("created_at", now);
		body.put("updated_at", now);
		return stub(authorized(get(urlPathEqualTo(API + "/user")), accessToken).willReturn(api(200, body)));
	}

	/**
	 * Answer {@code GET /github-api/user/emails} for this token with these addresses, in this order.
	 * @param accessToken the access token
	 * @param emails the addresses
	 * @return the stub
	 */
	public FakeStub emails(String accessToken, Email... emails) {
		List<Map<String, @Nullable Object>> body = Arrays.stream(emails)
			.map((e) -> map("email", e.email(), "primary", e.primary(), "verified", e.verified(), "visibility",
					e.visibility()))
			.toList();
		return stub(authorized(get(urlPathEqualTo(API + "/user/emails")), accessToken).willReturn(api(200, body)));
	}

	/**
	 * Refuse {@code GET /github-api/user/emails} for this token, as GitHub does for a token without the
	 * {@code user:email} scope.
	 * @param accessToken the access token
	 * @param status 404 ({@code Not Found}) or 403 ({@code Resource not accessible by integration})
	 * @return the stub
	 */
	public FakeStub emailsRefused(String accessToken, int status) {
		Assert.isTrue(status == 403 || status == 404, "status must be 403 or 404");
		String message = (status == 404) ? "Not Found" : "Resource not accessible by integration";
		return stub(authorized(get(urlPathEqualTo(API + "/user/emails")), accessToken)
			.willReturn(api(status, map("message", message, "documentation_url",
					DOCS + "/users/emails#list-email-addresses-for-the-authenticated-user", "status",
					String.valueOf(status)))));
	}

	/**
	 * Exchange this code, at {@code POST /github/login/oauth/access_token} with the client's credentials (form
	 * fields or HTTP Basic), for this access token with scope {@code read:user,user:email}.
	 * @param code the code
	 * @param accessToken the access token to answer
	 * @return the stub
	 */
	public FakeStub codeExchange(String code, String accessToken) {
		Assert.hasText(code, "code must not be empty");
		Map<String, @Nullable Object> body = map("access_token", accessToken, "token_type", "bearer", "scope",
				"read:user,user:email");
		return new FakeStub(this.server, oauthAnswer(Stubs.STUB,
				(r) -> code.equals(Stubs.form(r, "code")) && authenticated(r), body));
	}

	void install() {
		this.server.stubFor(any(urlPathMatching(API + "/.*")).atPriority(1)
			.withHeader("User-Agent", absent())
			.willReturn(aResponse().withStatus(403)
				.withHeader("Content-Type", "text/plain; charset=utf-8")
				.withBody("Request forbidden by administrative rules. Please make sure your request has a "
						+ "User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api"
						+ "#user-agent-required). Check https://developer.github.com for other possible causes.\n")));
		this.server.stubFor(any(urlPathMatching(API + "/applications/.*")).atPriority(Stubs.UNKNOWN)
			.willReturn(api(404, map("message", "Not Found", "documentation_url",
					DOCS + "/apps/oauth-applications#check-a-token", "status", "404"))));
		this.server.stubFor(any(urlPathMatching(API + "/user(/.*)?")).atPriority(Stubs.REFUSAL)
			.withHeader("Authorization", absent())
			.willReturn(api(401, map("message", "Requires authentication", "documentation_url", DOCS, "status",
					"401"))));
		this.server.stubFor(any(urlPathMatching(API + "/user(/.*)?")).atPriority(Stubs.UNKNOWN)
			.willReturn(api(401, map("message", "Bad credentials", "documentation_url", DOCS, "status", "401"))));
		oauthAnswer(Stubs.REFUSAL, (r) -> !authenticated(r),
				map("error", "incorrect_client_credentials", "error_description",
						"The client_id and/or client_secret passed are incorrect.", "error_uri",
						TROUBLESHOOTING + "#incorrect-client-credentials"));
		oauthAnswer(Stubs.UNKNOWN, (r) -> true,
				map("error", "bad_verification_code", "error_description",
						"The code passed is incorrect or expired.", "error_uri",
						TROUBLESHOOTING + "#bad-verification-code"));
	}

	/**
	 * Two mappings for one answer of the code exchange: JSON when the call accepts it, else form-encoded, as
	 * GitHub's default.
	 */
	private List<StubMapping> oauthAnswer(int priority, Predicate<Request> matches,
			Map<String, @Nullable Object> body) {
		String form = body.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		MappingBuilder json = post(urlPathEqualTo("/github/login/oauth/access_token")).atPriority(priority)
			.andMatching(when((r) -> Stubs.acceptsJson(r) && matches.test(r)))
			.willReturn(jsonAnswer(200, body));
		MappingBuilder encoded = post(urlPathEqualTo("/github/login/oauth/access_token")).atPriority(priority)
			.andMatching(when((r) -> !Stubs.acceptsJson(r) && matches.test(r)))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
				.withBody(form));
		return List.of(this.server.stubFor(json), this.server.stubFor(encoded));
	}

	private boolean authenticated(Request request) {
		return Stubs.clientAuthenticated(request, clientId(), clientSecret(), true);
	}

	private static MappingBuilder authorized(MappingBuilder request, String accessToken) {
		Assert.hasText(accessToken, "accessToken must not be empty");
		return request.atPriority(Stubs.STUB).andMatching(when((r) -> Stubs.carriesBearer(r, accessToken, true)));
	}

	private static Map<String, @Nullable Object> userSummary(long id, String login) {
		return map("login", login, "id", id, "node_id", "U_kgDO" + id, "avatar_url",
				"https://avatars.githubusercontent.com/u/" + id + "?v=4", "gravatar_id", "", "url",
				"https://api.github.com/users/" + login, "html_url", "https://github.com/" + login, "type", "User",
				"site_admin", false);
	}

	private static ResponseDefinitionBuilder api(int status, Object body) {
		return jsonAnswer(status, body).withHeader("X-GitHub-Api-Version-Selected", "2022-11-28");
	}

	private FakeStub stub(MappingBuilder mapping) {
		return new FakeStub(this.server, List.of(this.server.stubFor(mapping)));
	}

	/**
	 * One entry of {@code /user/emails}.
	 *
	 * @param email the address
	 * @param primary whether it is the primary address
	 * @param verified whether GitHub verified it
	 * @param visibility {@code "private"} or {@code "public"} for the primary address, null for the others
	 */
	public record Email(String email, boolean primary, boolean verified, @Nullable String visibility) {

		/** The primary address, visibility {@code private}. */
		public static Email primary(String email, boolean verified) {
			return new Email(email, true, verified, "private");
		}

		/** A secondary address, visibility null. */
		public static Email secondary(String email, boolean verified) {
			return new Email(email, false, verified, null);
		}

	}

}
