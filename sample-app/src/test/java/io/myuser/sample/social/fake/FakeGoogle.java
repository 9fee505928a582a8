package io.myuser.sample.social.fake;

import java.time.Clock;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.myuser.sample.social.fake.Stubs.jsonAnswer;
import static io.myuser.sample.social.fake.Stubs.map;

/**
 * Google as MyUser calls it: the JWK set at {@code /google/certs}, id_tokens from the Common issuer
 * {@code https://accounts.google.com} ({@link #idToken()}), the access-token check at
 * {@code GET /google/tokeninfo?access_token=…} (every value a JSON string, {@code email_verified} too; 400
 * {@code {"error_description":"Invalid Value"}} for an unknown token), {@code GET /google/userinfo} with a Bearer
 * token (401 otherwise) and the code exchange at {@code POST /google/token}.
 */
public final class FakeGoogle extends OpenIdStubs {

	/** The issuer of Google's id_tokens. */
	public static final String ISSUER = "https://accounts.google.com";

	/** The scope Google grants a sign-in with {@code openid email profile}. */
	static final String SCOPE = "openid https://www.googleapis.com/auth/userinfo.email "
			+ "https://www.googleapis.com/auth/userinfo.profile";

	FakeGoogle(WireMockServer server, Clock clock, RSAKey key) {
		super(server, clock, key, "google-client", "google-secret");
	}

	/**
	 * Answer {@code GET /google/tokeninfo?access_token=accessToken} as Google does for a live access token:
	 * {@code azp}, {@code aud}, {@code sub}, {@code scope}, {@code exp} (epoch seconds, an hour from the kit's
	 * clock) and {@code expires_in}, {@code email}, {@code email_verified} and {@code access_type}, every one a
	 * JSON string.
	 * @param accessToken the access token
	 * @param aud the client the token was issued to
	 * @param azp the authorized party (another client of the same project, such as an Android app)
	 * @param sub the user's id
	 * @param email the address, or null for a token without the email scope
	 * @param emailVerifiedAsString {@code "true"} or {@code "false"} as Google sends it, or null to leave it out
	 * @return the stub
	 */
	public FakeStub tokeninfo(String accessToken, String aud, String azp, String sub, @Nullable String email,
			@Nullable String emailVerifiedAsString) {
		Assert.hasText(accessToken, "accessToken must not be empty");
		Map<String, @Nullable Object> body = map("azp", azp, "aud", aud, "sub", sub, "scope", SCOPE, "exp",
				String.valueOf(this.clock.instant().getEpochSecond() + 3599), "expires_in", "3599");
		if (email != null) {
			body.put("email", email);
		}
		if (emailVerifiedAsString != null) {
			body.put("email_verified", emailVerifiedAsString);
		}
		body.put("access_type", "online");
		return stub(get(urlPathEqualTo("/google/tokeninfo")).atPriority(Stubs.STUB)
			.withQueryParam("access_token", equalTo(accessToken))
			.willReturn(jsonAnswer(200, body)));
	}

	/**
	 * Answer {@code GET /google/userinfo} with {@code Authorization: Bearer accessToken} as Google's OpenID
	 * userinfo endpoint does: {@code sub}, {@code name}, {@code given_name}, {@code family_name},
	 * {@code picture}, {@code email} and {@code email_verified} (a JSON boolean, true), leaving out what is null.
	 * @param accessToken the access token
	 * @param sub the user's id
	 * @param email the address, or null
	 * @param givenName the given name, or null
	 * @param familyName the family name, or null
	 * @param picture the picture URL, or null
	 * @return the stub
	 */
	public FakeStub userinfo(String accessToken, String sub, @Nullable String email, @Nullable String givenName,
			@Nullable String familyName, @Nullable String picture) {
		Map<String, @Nullable Object> body = map("sub", sub);
		String name = (givenName == null) ? familyName
				: (familyName == null) ? givenName : givenName + " " + familyName;
		putIfPresent(body, "name", name);
		putIfPresent(body, "given_name", givenName);
		putIfPresent(body, "family_name", familyName);
		putIfPresent(body, "picture", picture);
		if (email != null) {
			body.put("email", email);
			body.put("email_verified", true);
		}
		return userinfo(accessToken, body);
	}

	@Override
	void install() {
		super.install();
		this.server.stubFor(any(urlPathEqualTo("/google/tokeninfo")).atPriority(Stubs.UNKNOWN)
			.willReturn(jsonAnswer(400, map("error_description", "Invalid Value"))));
	}

	@Override
	String issuer() {
		return ISSUER;
	}

	@Override
	String certsPath() {
		return "/google/certs";
	}

	@Override
	String tokenPath() {
		return "/google/token";
	}

	@Override
	String userinfoPath() {
		return "/google/userinfo";
	}

	@Override
	Map<String, @Nullable Object> tokenAnswer(String accessToken, String idToken) {
		return map("access_token", accessToken, "expires_in", 3599, "scope", SCOPE, "token_type", "Bearer",
				"id_token", idToken);
	}

	@Override
	Map<String, @Nullable Object> tokenError(String error) {
		String description = switch (error) {
			case "invalid_client" -> "Unauthorized";
			case "invalid_request" -> "Missing required parameter: redirect_uri";
			case "unsupported_grant_type" -> "Invalid grant_type";
			default -> "Bad Request";
		};
		return map("error", error, "error_description", description);
	}

	@Override
	ResponseDefinitionBuilder userinfoRefusal() {
		return jsonAnswer(401, map("error", "invalid_request", "error_description", "Invalid Credentials"))
			.withHeader("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
	}

	private static void putIfPresent(Map<String, @Nullable Object> map, String key, @Nullable Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
