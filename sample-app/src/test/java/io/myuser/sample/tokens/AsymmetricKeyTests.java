package io.myuser.sample.tokens;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RS256 with a configured key pair, after a key rotation: the new key signs, the previous public key still
 * verifies the tokens it signed, both are published as a JWK set with their key ids, and algorithm confusion
 * (HS256 keyed with the public key) is refused.
 */
abstract class AsymmetricKeyTests extends IntegrationTestSupport {

	static final KeyPair PREVIOUS = TestKeyFiles.rsa();

	static final KeyPair CURRENT = TestKeyFiles.rsa();

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		String[] previous = TestKeyFiles.write(PREVIOUS, "previous");
		String[] current = TestKeyFiles.write(CURRENT, "current");
		registry.add("myuser.token.signing.algorithm", () -> "RS256");
		registry.add("myuser.token.signing.key-id", () -> "rsa-2");
		registry.add("myuser.token.signing.private-key-location", () -> current[0]);
		registry.add("myuser.token.signing.public-key-location", () -> current[1]);
		registry.add("myuser.token.signing.previous-keys[0].key-id", () -> "rsa-1");
		registry.add("myuser.token.signing.previous-keys[0].algorithm", () -> "RS256");
		registry.add("myuser.token.signing.previous-keys[0].public-key-location", () -> previous[1]);
	}

	@Test
	void the_jwk_set_publishes_current_and_previous_public_keys_only() {
		HttpResult result = get(BASE + "/.well-known/jwks.json");

		assertThat(result.status()).isEqualTo(200);
		JsonNode keys = result.json().get("keys");
		assertThat(keys.size()).isEqualTo(2);
		assertThat(keys.get(0).get("kid").asString()).isEqualTo("rsa-2");
		assertThat(keys.get(1).get("kid").asString()).isEqualTo("rsa-1");
		for (JsonNode key : keys) {
			assertThat(key.get("kty").asString()).isEqualTo("RSA");
			assertThat(key.get("alg").asString()).isEqualTo("RS256");
			assertThat(key.get("use").asString()).isEqualTo("sig");
			assertThat(key.has("d")).as("private exponent").isFalse();
			assertThat(key.has("p")).isFalse();
		}
	}

	@Test
	void issued_tokens_are_rs256_with_the_current_kid_and_verify_with_the_published_key() throws Exception {
		String email = uniqueEmail();
		createUser(email, "asymmetric passphrase");
		String access = accessToken(email, "asymmetric passphrase");

		String header = new String(Base64.getUrlDecoder().decode(access.split("\\.")[0]), StandardCharsets.UTF_8);
		assertThat(header).contains("\"alg\":\"RS256\"").contains("\"kid\":\"rsa-2\"").contains("\"typ\":\"at+jwt\"");
		PublicKey published = publishedKey(0);
		assertThat(TestJwts.parser().verifyWith(published).build().parseSignedClaims(access).getPayload().getSubject())
			.isEqualTo(this.accounts.findByEmail(email).orElseThrow().getId().toString());
		assertThat(getWithToken(BASE + "/profile/", access).status()).isEqualTo(200);
	}

	@Test
	void a_token_signed_by_the_previous_key_still_works_and_an_unknown_kid_does_not() {
		String email = uniqueEmail();
		createUser(email, "asymmetric passphrase");
		String access = accessToken(email, "asymmetric passphrase");
		var claims = TokenForgeryTests.claims(access);

		String byPrevious = TestJwts.accessToken()
			.header()
			.keyId("rsa-1")
			.and()
			.claims(claims)
			.signWith(PREVIOUS.getPrivate(), Jwts.SIG.RS256)
			.compact();
		String unknownKid = TestJwts.accessToken()
			.header()
			.keyId("rsa-0")
			.and()
			.claims(claims)
			.signWith(PREVIOUS.getPrivate(), Jwts.SIG.RS256)
			.compact();
		String wrongKeyForKid = TestJwts.accessToken()
			.header()
			.keyId("rsa-2")
			.and()
			.claims(claims)
			.signWith(PREVIOUS.getPrivate(), Jwts.SIG.RS256)
			.compact();

		assertThat(getWithToken(BASE + "/profile/", byPrevious).status()).isEqualTo(200);
		assertThat(getWithToken(BASE + "/profile/", unknownKid).status()).isEqualTo(401);
		assertThat(getWithToken(BASE + "/profile/", wrongKeyForKid).status()).isEqualTo(401);
	}

	@Test
	void hs256_keyed_with_the_public_key_is_refused() {
		String email = uniqueEmail();
		createUser(email, "asymmetric passphrase");
		var claims = TokenForgeryTests.claims(accessToken(email, "asymmetric passphrase"));

		String confused = TestJwts.accessToken()
			.header()
			.keyId("rsa-2")
			.and()
			.claims(claims)
			.signWith(Keys.hmacShaKeyFor(CURRENT.getPublic().getEncoded()), Jwts.SIG.HS256)
			.compact();
		String noKid = TestJwts.accessToken()
			.claims(claims)
			.signWith(Keys.hmacShaKeyFor(CURRENT.getPublic().getEncoded()), Jwts.SIG.HS256)
			.compact();

		assertThat(getWithToken(BASE + "/profile/", confused).status()).isEqualTo(401);
		assertThat(getWithToken(BASE + "/profile/", noKid).status()).isEqualTo(401);
	}

	@Test
	void a_standard_resource_server_requiring_at_jwt_verifies_rs256_access_tokens_and_refuses_refresh_tokens() {
		String email = uniqueEmail();
		createUser(email, "asymmetric passphrase");
		HttpResult login = login(email, "asymmetric passphrase");
		String access = login.json().get("access").asString();
		String refresh = login.json().get("refresh").asString();
		List<String> retyped = new ArrayList<>();
		for (String typ : new String[] { ",\"typ\":\"JWT\"", "", ",\"typ\":\"rt+jwt\"", ",\"typ\":\"jwt\"" }) {
			retyped.add(TestJwts.resignAsymmetric(access, "{\"alg\":\"RS256\",\"kid\":\"rsa-2\"" + typ + "}",
					CURRENT.getPrivate()));
		}
		String resigned = TestJwts.resignAsymmetric(access, "{\"alg\":\"RS256\",\"kid\":\"rsa-2\",\"typ\":\"at+jwt\"}",
				CURRENT.getPrivate());

		StandardResourceServer.assertOnlyAccessTokensPass(uri(BASE + "/.well-known/jwks.json").toString(),
				SignatureAlgorithm.RS256, access, refresh,
				this.accounts.findByEmail(email).orElseThrow().getId().toString(), retyped, resigned);
		// MyUser itself agrees.
		assertThat(getWithToken(BASE + "/profile/", resigned).status()).isEqualTo(200);
		for (String token : retyped) {
			assertThat(getWithToken(BASE + "/profile/", token).status()).as(TestJwts.header(token)).isEqualTo(401);
		}
		assertThat(getWithToken(BASE + "/profile/", refresh).status()).isEqualTo(401);
	}

	private PublicKey publishedKey(int index) throws Exception {
		JsonNode key = get(BASE + "/.well-known/jwks.json").json().get("keys").get(index);
		BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").asString()));
		BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(key.get("e").asString()));
		RSAPublicKey rsa = (RSAPublicKey) KeyFactory.getInstance("RSA")
			.generatePublic(new RSAPublicKeySpec(modulus, exponent));
		assertThat(rsa.getModulus()).isEqualTo(((RSAPublicKey) CURRENT.getPublic()).getModulus());
		return rsa;
	}

}
