package io.myuser.sample.social.fake;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.myuser.sample.social.fake.Stubs.jsonAnswer;
import static io.myuser.sample.social.fake.Stubs.map;
import static io.myuser.sample.social.fake.Stubs.when;

/**
 * Facebook's Graph API v23.0 under {@code /graph/v23.0}, as MyUser calls it:
 * <ul>
 * <li>{@code GET oauth/access_token?client_id&client_secret&grant_type=client_credentials}: the app access token
 * {@link #appAccessToken()}, served from the start ({@link #appToken()} is its stub);</li>
 * <li>{@code GET debug_token?input_token&access_token&appsecret_proof}: {@code {"data":{…}}} for the tokens a
 * test made known, {@code is_valid: false} for others;</li>
 * <li>{@code GET me?fields&access_token&appsecret_proof}: only the fields asked for (and {@code id});</li>
 * <li>the code exchange at {@code oauth/access_token?code&redirect_uri&client_id&client_secret}, by GET with a
 * query or by POST with a form body (as Spring's token client sends it).</li>
 * </ul>
 * Every call but {@code oauth/access_token} must carry {@code appsecret_proof}, the lowercase hex HMAC-SHA256 of
 * its own {@code access_token} keyed by the app secret ({@link #appsecretProof(String)}): a stub only answers a
 * call with the right proof, and Graph's errors answer a missing ({@code require an appsecret_proof}) or wrong
 * ({@code Invalid appsecret_proof}) one, a missing token (code 104) and an unknown token (code 190).
 */
public final class FakeFacebook {

	/** The path of the Graph API version the kit serves. */
	public static final String GRAPH = "/graph/v23.0";

	private static final String TOKEN_PATH = GRAPH + "/oauth/access_token";

	private final WireMockServer server;

	private final Clock clock;

	private final String appAccessToken = "facebook-app|" + UUID.randomUUID().toString().replace("-", "");

	private @Nullable FakeStub appToken;

	FakeFacebook(WireMockServer server, Clock clock) {
		Assert.notNull(server, "server must not be null");
		Assert.notNull(clock, "clock must not be null");
		this.server = server;
		this.clock = clock;
	}

	/** The app id, MyUser's client id. */
	public String appId() {
		return "facebook-app";
	}

	/** The app secret, MyUser's client secret. */
	public String appSecret() {
		return "facebook-secret";
	}

	/** The app access token {@code oauth/access_token} hands out for the client-credentials grant. */
	public String appAccessToken() {
		return this.appAccessToken;
	}

	/** The stub answering the client-credentials grant, for faults and counts. */
	public FakeStub appToken() {
		Assert.state(this.appToken != null, "The fake providers are not started");
		return this.appToken;
	}

	/**
	 * The {@code appsecret_proof} of a token for this app.
	 * @param accessToken the token the call carries
	 * @return lowercase hex HMAC-SHA256 of the token keyed by {@link #appSecret()}
	 */
	public String appsecretProof(String accessToken) {
		return appsecretProof(appSecret(), accessToken);
	}

	/**
	 * An {@code appsecret_proof}.
	 * @param appSecret the app secret, the HMAC key
	 * @param accessToken the token, the HMAC input
	 * @return lowercase hex HMAC-SHA256
	 */
	public static String appsecretProof(String appSecret, String accessToken) {
		return Stubs.hmacSha256Hex(appSecret, accessToken);
	}

	/**
	 * Know this user token, valid, as issued to our app for this user, at {@code debug_token} asked with the app
	 * token.
	 * @param userToken the user access token ({@code input_token})
	 * @param userId the app-scoped user id
	 * @return the stub
	 */
	public FakeStub debugToken(String userToken, String userId) {
		return debugToken(userToken, userId, appId());
	}

	/**
	 * Know this user token, valid, as issued to the app {@code appId} (another app's token when it is not
	 * {@link #appId()}: what {@code debug_token} answers for a token of another app).
	 * @param userToken the user access token
	 * @param userId the user id
	 * @param appId the app the token belongs to
	 * @return the stub
	 */
	public FakeStub debugToken(String userToken, String userId, String appId) {
		long now = this.clock.instant().getEpochSecond();
		return debugAnswer(userToken, map("app_id", appId, "type", "USER", "application", "MyUser tests",
				"data_access_expires_at", now + 90L * 86400, "expires_at", now + 60L * 86400, "is_valid", true,
				"issued_at", now, "scopes", List.of("email", "public_profile"), "user_id", userId));
	}

	/**
	 * Know this user token as one of our app's that has expired: {@code is_valid: false} with Graph's error 190
	 * subcode 463.
	 * @param userToken the user access token
	 * @param userId the user id
	 * @return the stub
	 */
	public FakeStub debugTokenExpired(String userToken, String userId) {
		long now = this.clock.instant().getEpochSecond();
		return debugAnswer(userToken, map("app_id", appId(), "type", "USER", "application", "MyUser tests",
				"data_access_expires_at", now + 30L * 86400, "error",
				map("code", 190, "message", "Error validating access token: Session has expired.", "subcode", 463),
				"expires_at", now - 3600, "is_valid", false, "scopes", List.of("email", "public_profile"),
				"user_id", userId));
	}

	/**
	 * Answer {@code me} for this user token: {@code id}, {@code name}, {@code email} (left out when null),
	 * {@code first_name}, {@code last_name} and {@code picture: {data: {height, is_silhouette, url, width}}},
	 * filtered to the requested {@code fields}.
	 * @param userToken the user access token
	 * @param id the app-scoped user id
	 * @param email the address, or null when the user has none or did not grant it
	 * @param firstName the first name
	 * @param lastName the last name
	 * @return the stub
	 */
	public FakeStub me(String userToken, String id, @Nullable String email, String firstName, String lastName) {
		Map<String, @Nullable Object> body = map("id", id, "name", firstName + " " + lastName);
		if (email != null) {
			body.put("email", email);
		}
		body.put("first_name", firstName);
		body.put("last_name", lastName);
		body.put("picture", map("data", map("height", 50, "is_silhouette", false, "url",
				"https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=" + id + "&height=50&width=50",
				"width", 50)));
		return stub(get(urlPathEqualTo(GRAPH + "/me")).atPriority(Stubs.STUB)
			.andMatching(when((r) -> userToken.equals(Stubs.param(r, "access_token")) && proofIsRight(r)))
			.willReturn(jsonAnswer(200, body).withTransformers(GraphFieldsTransformer.NAME)));
	}

	/**
	 * Exchange this code, sent with a {@code redirect_uri} and our app's id and secret (query of a GET or form
	 * of a POST), for this user access token.
	 * @param code the code
	 * @param accessToken the user access token to answer
	 * @return the stub
	 */
	public FakeStub codeExchange(String code, String accessToken) {
		Assert.hasText(code, "code must not be empty");
		return stub(any(urlPathEqualTo(TOKEN_PATH)).atPriority(Stubs.STUB)
			.andMatching(when((r) -> getOrPost(r) && code.equals(Stubs.param(r, "code"))
					&& Stubs.param(r, "redirect_uri") != null && appId().equals(Stubs.param(r, "client_id"))
					&& appSecret().equals(Stubs.param(r, "client_secret"))))
			.willReturn(jsonAnswer(200, map("access_token", accessToken, "token_type", "bearer", "expires_in",
					5183944))));
	}

	void install() {
		this.appToken = stub(get(urlPathEqualTo(TOKEN_PATH)).atPriority(Stubs.STUB)
			.andMatching(when((r) -> appId().equals(Stubs.param(r, "client_id"))
					&& appSecret().equals(Stubs.param(r, "client_secret"))
					&& "client_credentials".equals(Stubs.param(r, "grant_type"))))
			.willReturn(jsonAnswer(200, map("access_token", this.appAccessToken, "token_type", "bearer"))));
		refuse(TOKEN_PATH, Stubs.REFUSAL - 1, (r) -> Stubs.param(r, "client_id") == null,
				"Missing client_id parameter.", "OAuthException", 101);
		refuse(TOKEN_PATH, Stubs.REFUSAL, (r) -> !appSecret().equals(Stubs.param(r, "client_secret")),
				"Error validating client secret.", "OAuthException", 1);
		refuse(TOKEN_PATH, Stubs.UNKNOWN, (r) -> true, "Invalid verification code format.", "OAuthException", 100);
		String node = GRAPH + "/(?!oauth/access_token$).*";
		refuse(node, Stubs.REFUSAL - 1, (r) -> Stubs.param(r, "access_token") == null,
				"An access token is required to request this resource.", "OAuthException", 104);
		refuse(node, Stubs.REFUSAL, (r) -> Stubs.param(r, "appsecret_proof") == null,
				"API calls from the server require an appsecret_proof argument", "GraphMethodException", 100);
		refuse(node, Stubs.REFUSAL + 1, (r) -> !proofIsRight(r), "Invalid appsecret_proof provided in the API argument",
				"GraphMethodException", 100);
		this.server.stubFor(get(urlPathEqualTo(GRAPH + "/debug_token")).atPriority(Stubs.UNKNOWN)
			.willReturn(jsonAnswer(200, map("data", map("error",
					map("code", 190, "message", "Invalid OAuth access token - Cannot parse access token"),
					"is_valid", false, "scopes", List.of())))));
		refuse(node, Stubs.UNKNOWN + 1, (r) -> true, "Invalid OAuth access token - Cannot parse access token",
				"OAuthException", 190);
	}

	private FakeStub debugAnswer(String userToken, Map<String, @Nullable Object> data) {
		Assert.hasText(userToken, "userToken must not be empty");
		return stub(get(urlPathEqualTo(GRAPH + "/debug_token")).atPriority(Stubs.STUB)
			.andMatching(when((r) -> userToken.equals(Stubs.param(r, "input_token"))
					&& this.appAccessToken.equals(Stubs.param(r, "access_token")) && proofIsRight(r)))
			.willReturn(jsonAnswer(200, map("data", data))));
	}

	private boolean proofIsRight(Request request) {
		String token = Stubs.param(request, "access_token");
		String proof = Stubs.param(request, "appsecret_proof");
		return token != null && proof != null && proof.equals(appsecretProof(token));
	}

	private void refuse(String pathRegex, int priority, Predicate<Request> when, String message, String type,
			int code) {
		this.server.stubFor(any(urlPathMatching(pathRegex)).atPriority(priority)
			.andMatching(when(when))
			.willReturn(jsonAnswer(400, map("error", map("message", message, "type", type, "code", code,
					"fbtrace_id", "AFakeTraceId")))
				.withHeader("WWW-Authenticate", "OAuth \"Facebook Platform\" \""
						+ ((code == 190) ? "invalid_token" : "invalid_request") + "\" \"" + message + "\"")));
	}

	private static boolean getOrPost(Request request) {
		return request.getMethod().equals(RequestMethod.GET) || request.getMethod().equals(RequestMethod.POST);
	}

	private FakeStub stub(MappingBuilder mapping) {
		return new FakeStub(this.server, List.of(this.server.stubFor(mapping)));
	}

}
