package io.myuser.sample.tokens;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ES256 with a configured P-256 key pair: tokens work, the public key is published as an EC JWK, and a standard
 * resource server verifies access tokens through it.
 */
class EllipticCurveKeyTests extends IntegrationTestSupport {

	static final KeyPair KEYS = TestKeyFiles.ec();

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		String[] files = TestKeyFiles.write(KEYS, "ec");
		registry.add("myuser.token.signing.algorithm", () -> "ES256");
		registry.add("myuser.token.signing.key-id", () -> "ec-1");
		registry.add("myuser.token.signing.private-key-location", () -> files[0]);
		registry.add("myuser.token.signing.public-key-location", () -> files[1]);
	}

	@Test
	void es256_tokens_work_and_the_key_is_published() {
		String email = uniqueEmail();
		createUser(email, "elliptic passphrase");
		String access = accessToken(email, "elliptic passphrase");

		assertThat(getWithToken(BASE + "/profile/", access).status()).isEqualTo(200);
		HttpResult jwks = get(BASE + "/.well-known/jwks.json");
		assertThat(jwks.status()).isEqualTo(200);
		assertThat(jwks.json().get("keys").get(0).get("kty").asString()).isEqualTo("EC");
		assertThat(jwks.json().get("keys").get(0).get("crv").asString()).isEqualTo("P-256");
		assertThat(jwks.json().get("keys").get(0).get("kid").asString()).isEqualTo("ec-1");
		assertThat(jwks.json().get("keys").get(0).has("d")).isFalse();
	}

	@Test
	void a_standard_resource_server_requiring_at_jwt_verifies_es256_access_tokens_and_refuses_refresh_tokens() {
		String email = uniqueEmail();
		createUser(email, "elliptic passphrase");
		HttpResult login = login(email, "elliptic passphrase");
		String access = login.json().get("access").asString();
		String refresh = login.json().get("refresh").asString();
		assertThat(TestJwts.header(access)).contains("\"alg\":\"ES256\"").contains("\"typ\":\"at+jwt\"");
		List<String> retyped = new ArrayList<>();
		for (String typ : new String[] { ",\"typ\":\"JWT\"", "", ",\"typ\":\"rt+jwt\"" }) {
			retyped.add(TestJwts.resignAsymmetric(access, "{\"alg\":\"ES256\",\"kid\":\"ec-1\"" + typ + "}",
					KEYS.getPrivate()));
		}
		String resigned = TestJwts.resignAsymmetric(access,
				"{\"alg\":\"ES256\",\"kid\":\"ec-1\",\"typ\":\"application/at+jwt\"}", KEYS.getPrivate());

		StandardResourceServer.assertOnlyAccessTokensPass(uri(BASE + "/.well-known/jwks.json").toString(),
				SignatureAlgorithm.ES256, access, refresh,
				this.accounts.findByEmail(email).orElseThrow().getId().toString(), retyped, resigned);
		assertThat(getWithToken(BASE + "/profile/", resigned).status()).isEqualTo(200);
		for (String token : retyped) {
			assertThat(getWithToken(BASE + "/profile/", token).status()).as(TestJwts.header(token)).isEqualTo(401);
		}
		assertThat(getWithToken(BASE + "/profile/", refresh).status()).isEqualTo(401);
	}

}
