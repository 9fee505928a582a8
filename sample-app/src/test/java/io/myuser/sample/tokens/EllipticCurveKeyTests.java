package io.myuser.sample.tokens;

import java.security.KeyPair;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ES256 with a configured P-256 key pair: tokens work and the public key is published as an EC JWK.
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

}
