package io.myuser.sample.tokens;

import java.util.Map;

import javax.crypto.SecretKey;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code myuser.token.issuer} and {@code myuser.token.audience} set, issued tokens carry {@code iss} and
 * {@code aud}, and a token signed with the right secret but naming another issuer or audience, or none, is refused.
 */
@TestPropertySource(properties = { "myuser.token.issuer=" + IssuerAudienceTests.ISSUER,
		"myuser.token.audience=" + IssuerAudienceTests.AUDIENCE })
abstract class IssuerAudienceTests extends IntegrationTestSupport {

	static final String ISSUER = "https://id.sample.example";

	static final String AUDIENCE = "sample-api";

	/** The secret IntegrationTestSupport configures. */
	private static final SecretKey KEY = Keys.hmacShaKeyFor(signingKey());

	private static final String PASSWORD = "issuer audience passphrase";

	@Test
	void issued_tokens_carry_the_configured_issuer_and_audience() {
		HttpResult login = loginAsNewUser();

		for (String field : new String[] { "access", "refresh" }) {
			Claims claims = TestJwts.parser()
				.verifyWith(KEY)
				.build()
				.parseSignedClaims(login.json().get(field).asString())
				.getPayload();
			assertThat(claims.getIssuer()).as(field).isEqualTo(ISSUER);
			assertThat(claims.getAudience()).as(field).containsExactly(AUDIENCE);
		}
		HttpResult refreshed = postJson(BASE + "/token/refresh/",
				json(Map.of("refresh", login.json().get("refresh").asString())));
		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(profileStatus(refreshed.json().get("access").asString())).isEqualTo(200);
	}

	@Test
	void a_correctly_signed_token_naming_another_audience_or_issuer_or_none_is_refused() {
		String access = loginAsNewUser().json().get("access").asString();
		Map<String, Object> wrongAudience = TokenForgeryTests.claims(access);
		wrongAudience.put("aud", "another-api");
		Map<String, Object> wrongIssuer = TokenForgeryTests.claims(access);
		wrongIssuer.put("iss", "https://id.elsewhere.example");
		Map<String, Object> noAudience = TokenForgeryTests.claims(access);
		noAudience.remove("aud");
		Map<String, Object> noIssuer = TokenForgeryTests.claims(access);
		noIssuer.remove("iss");

		assertThat(profileStatus(sign(TokenForgeryTests.claims(access)))).as("the same claims re-signed")
			.isEqualTo(200);
		assertThat(profileStatus(sign(wrongAudience))).as("wrong aud").isEqualTo(401);
		assertThat(profileStatus(sign(wrongIssuer))).as("wrong iss").isEqualTo(401);
		assertThat(profileStatus(sign(noAudience))).as("no aud").isEqualTo(401);
		assertThat(profileStatus(sign(noIssuer))).as("no iss").isEqualTo(401);
		assertThat(profileStatus(access)).as("the real token still works").isEqualTo(200);
	}

	private HttpResult loginAsNewUser() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		HttpResult result = login(email, PASSWORD);
		assertThat(result.status()).as(result.body()).isEqualTo(200);
		return result;
	}

	private static String sign(Map<String, Object> claims) {
		return TestJwts.accessToken().claims(claims).signWith(KEY, Jwts.SIG.HS256).compact();
	}

	private int profileStatus(String token) {
		return getWithToken(BASE + "/profile/", token).status();
	}

}
