package io.myuser.sample.tokens;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged, altered and misused tokens are all refused with 401 on a protected route (HS256, the default).
 */
abstract class TokenForgeryTests extends IntegrationTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();


	private String access;

	private String refresh;

	@BeforeEach
	void logIn() {
		String email = uniqueEmail();
		createUser(email, "forgery passphrase");
		HttpResult login = login(email, "forgery passphrase");
		this.access = login.json().get("access").asString();
		this.refresh = login.json().get("refresh").asString();
		assertThat(profileStatus(this.access)).isEqualTo(200);
	}

	@Test
	void an_unsigned_alg_none_token_is_refused() {
		String[] parts = this.access.split("\\.");
		String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");

		assertThat(profileStatus(header + "." + parts[1] + ".")).isEqualTo(401);
		assertThat(profileStatus(header + "." + parts[1] + "." + parts[2])).isEqualTo(401);
	}

	@Test
	void a_token_signed_with_another_secret_is_refused() {
		String forged = TestJwts.accessToken()
			.claims(claims(this.access))
			.signWith(Keys.hmacShaKeyFor("another-secret-of-enough-length-0123456789".getBytes(StandardCharsets.UTF_8)),
					Jwts.SIG.HS256)
			.compact();

		assertThat(profileStatus(forged)).isEqualTo(401);
	}

	@Test
	void a_token_signed_with_another_algorithm_is_refused() throws Exception {
		KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
		String rs256 = TestJwts.accessToken().claims(claims(this.access)).signWith(rsa.getPrivate(), Jwts.SIG.RS256).compact();
		String hs512 = TestJwts.accessToken()
			.claims(claims(this.access))
			.signWith(Keys.hmacShaKeyFor(new byte[64]), Jwts.SIG.HS512)
			.compact();

		assertThat(profileStatus(rs256)).isEqualTo(401);
		assertThat(profileStatus(hs512)).isEqualTo(401);
	}

	@Test
	void a_token_whose_payload_was_changed_in_the_middle_is_refused() {
		String[] parts = this.access.split("\\.");
		char[] payload = parts[1].toCharArray();
		int middle = payload.length / 2;
		payload[middle] = (payload[middle] == 'A') ? 'B' : 'A';

		assertThat(profileStatus(parts[0] + "." + new String(payload) + "." + parts[2])).isEqualTo(401);
	}

	@Test
	void an_expired_token_is_refused() {
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(31));

		HttpResult result = getWithToken(BASE + "/profile/", this.access);

		assertThat(result.status()).isEqualTo(401);
		assertThat(result.json().get("detail").asString()).contains("expired");
	}

	@Test
	void a_token_within_the_clock_leeway_is_still_accepted() {
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(20));

		assertThat(profileStatus(this.access)).isEqualTo(200);
	}

	@Test
	void a_refresh_token_is_no_access_token_and_an_access_token_no_refresh_token() {
		assertThat(profileStatus(this.refresh)).isEqualTo(401);
		assertThat(postJson(BASE + "/token/refresh/", json(Map.of("refresh", this.access))).status()).isEqualTo(401);
	}

	@Test
	void issued_tokens_are_typed_at_jwt_and_rt_jwt_in_their_header() {
		assertThat(TestJwts.header(this.access)).contains("\"typ\":\"at+jwt\"").contains("\"alg\":\"HS256\"");
		assertThat(TestJwts.header(this.refresh)).contains("\"typ\":\"rt+jwt\"");
		assertThat(claims(this.access)).containsEntry("token_type", "access");
		assertThat(claims(this.refresh)).containsEntry("token_type", "refresh");
	}

	@Test
	void an_access_token_re_signed_with_the_real_key_but_typed_jwt_or_untyped_is_refused() {
		// The payload stays byte for byte; only the header changes, and the signature is the real key's.
		String control = TestJwts.resignHs256(this.access, "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}", signingKey());
		String mediaType = TestJwts.resignHs256(this.access, "{\"alg\":\"HS256\",\"typ\":\"application/at+jwt\"}",
				signingKey());
		assertThat(profileStatus(control)).as("re-signed as at+jwt").isEqualTo(200);
		assertThat(profileStatus(mediaType)).as("re-signed as application/at+jwt").isEqualTo(200);

		for (String header : List.of("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"alg\":\"HS256\"}",
				"{\"alg\":\"HS256\",\"typ\":\"rt+jwt\"}", "{\"alg\":\"HS256\",\"typ\":\"application/jwt\"}",
				"{\"alg\":\"HS256\",\"typ\":\"\"}", "{\"alg\":\"HS256\",\"cty\":\"at+jwt\"}")) {
			String retyped = TestJwts.resignHs256(this.access, header, signingKey());
			HttpResult result = getWithToken(BASE + "/profile/", retyped);
			assertThat(result.status()).as(header).isEqualTo(401);
			assertThat(result.headers().firstValue("WWW-Authenticate")).as(header).hasValueSatisfying(
					(value) -> assertThat(value).startsWith("Bearer"));
			assertThat(getWithToken(BASE + "/sessions/", retyped).status()).as(header).isEqualTo(401);
		}
		assertThat(profileStatus(this.access)).as("the real token still works").isEqualTo(200);
	}

	@Test
	void a_refresh_token_re_typed_at_jwt_is_still_refused_as_an_access_token_by_its_token_type_claim() {
		String refreshAsAccess = TestJwts.resignHs256(this.refresh, "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}",
				signingKey());
		String accessAsRefresh = TestJwts.resignHs256(this.access, "{\"alg\":\"HS256\",\"typ\":\"rt+jwt\"}",
				signingKey());

		assertThat(profileStatus(refreshAsAccess)).as("typ at+jwt, token_type refresh").isEqualTo(401);
		assertThat(getWithToken(BASE + "/profile/", refreshAsAccess).json().get("detail").asString())
			.contains("wrong type");
		assertThat(refresh(refreshAsAccess).status()).as("a refresh token no longer typed rt+jwt").isEqualTo(401);
		assertThat(refresh(accessAsRefresh).status()).as("typ rt+jwt, token_type access").isEqualTo(401);
		assertThat(postJson(BASE + "/token/verify/", json(Map.of("token", refreshAsAccess))).status()).isEqualTo(401);
		assertThat(postJson(BASE + "/token/verify/", json(Map.of("token", accessAsRefresh))).status()).isEqualTo(401);
		assertThat(postJson(BASE + "/logout/", json(Map.of("refresh", this.refresh)), "Authorization",
				"Bearer " + refreshAsAccess).status()).isEqualTo(401);
		assertThat(profileStatus(this.access)).as("nothing was revoked").isEqualTo(200);
		assertThat(refresh(this.refresh).status()).as("the real refresh token still refreshes").isEqualTo(200);
	}

	@Test
	void a_correctly_signed_token_issued_in_the_future_is_refused() {
		Map<String, Object> claims = claims(this.access);
		claims.put("iat", new Date(System.currentTimeMillis() + Duration.ofMinutes(10).toMillis()));
		String signed = TestJwts.accessToken()
			.claims(claims)
			.signWith(Keys.hmacShaKeyFor(signingKey()), Jwts.SIG.HS256)
			.compact();
		claims.put("iat", new Date());
		String control = TestJwts.accessToken()
			.claims(claims)
			.signWith(Keys.hmacShaKeyFor(signingKey()), Jwts.SIG.HS256)
			.compact();

		assertThat(profileStatus(control)).as("the same token issued now").isEqualTo(200);
		assertThat(profileStatus(signed)).isEqualTo(401);
	}

	@Test
	void a_correctly_signed_token_naming_another_user_or_an_unknown_session_is_refused() {
		Map<String, Object> strangerClaims = claims(this.access);
		String otherUser = java.util.UUID.randomUUID().toString();
		strangerClaims.put("sub", otherUser);
		strangerClaims.put("user_id", otherUser);
		Map<String, Object> unknownSession = claims(this.access);
		unknownSession.put("sid", java.util.UUID.randomUUID().toString());

		for (Map<String, Object> forged : List.of(strangerClaims, unknownSession)) {
			String token = TestJwts.accessToken()
				.claims(forged)
				.signWith(Keys.hmacShaKeyFor(signingKey()), Jwts.SIG.HS256)
				.compact();
			assertThat(getWithToken(BASE + "/sessions/", token).status()).isEqualTo(401);
			assertThat(postJson(BASE + "/logout/", "{}", "Authorization", "Bearer " + token).status()).isEqualTo(401);
		}
		assertThat(profileStatus(this.access)).as("the real token still works").isEqualTo(200);
	}

	@Test
	void with_a_shared_secret_there_is_no_jwk_set_to_publish() {
		HttpResult result = get(BASE + "/.well-known/jwks.json");

		assertThat(result.status()).isEqualTo(404);
		assertThat(result.isProblem()).isTrue();
	}

	private int profileStatus(String token) {
		return getWithToken(BASE + "/profile/", token).status();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> claims(String token) {
		String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
		Map<String, Object> claims = JSON.readValue(payload, Map.class);
		claims.put("exp", new Date(((Number) claims.get("exp")).longValue() * 1000));
		claims.put("iat", new Date(((Number) claims.get("iat")).longValue() * 1000));
		return claims;
	}

	static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
