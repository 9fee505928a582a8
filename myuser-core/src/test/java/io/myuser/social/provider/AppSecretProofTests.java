package io.myuser.social.provider;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AppSecretProof}: the lower-case hex HMAC-SHA256 of the access token keyed by the app secret, as
 * Facebook expects it. The expected values were computed outside Java, with OpenSSL.
 */
class AppSecretProofTests {

	@Test
	void proofIsTheHexHmacSha256OfTheTokenKeyedByTheSecret() {
		// printf '%s' 'EAAGm0PX4ZCpsBA-user-token' | openssl dgst -sha256 -hmac 'facebook-app-secret'
		// SHA2-256(stdin)= d8da3835f8a9cc1b427d9669f9863f14043f0558e8d09a0524ec591ae541af61
		assertThat(AppSecretProof.of("facebook-app-secret", "EAAGm0PX4ZCpsBA-user-token"))
			.isEqualTo("d8da3835f8a9cc1b427d9669f9863f14043f0558e8d09a0524ec591ae541af61");
	}

	@Test
	void proofMatchesRfc4231TestCase2() {
		// RFC 4231, test case 2; also:
		// printf '%s' 'what do ya want for nothing?' | openssl dgst -sha256 -hmac 'Jefe'
		// SHA2-256(stdin)= 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843
		assertThat(AppSecretProof.of("Jefe", "what do ya want for nothing?"))
			.isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void secretAndTokenAreReadAsUtf8() {
		// printf '%s' 'jeton-é' | openssl dgst -sha256 -hmac 'clé-secrète'   (a UTF-8 terminal: é is c3 a9)
		// SHA2-256(stdin)= da7f4c77c1058722864aff31781fc869df8cb66d7871f9e74164ed7663d32caa
		assertThat(AppSecretProof.of("clé-secrète", "jeton-é"))
			.isEqualTo("da7f4c77c1058722864aff31781fc869df8cb66d7871f9e74164ed7663d32caa");
	}

	@Test
	void proofIsLowerCaseHexOf32Bytes() {
		assertThat(AppSecretProof.of("secret", "token")).matches("[0-9a-f]{64}");
	}

	@Test
	void eachTokenAndEachSecretHasItsOwnProof() {
		String proof = AppSecretProof.of("secret", "token");
		assertThat(AppSecretProof.of("secret", "token")).isEqualTo(proof);
		assertThat(AppSecretProof.of("secret", "token2")).isNotEqualTo(proof);
		assertThat(AppSecretProof.of("secret2", "token")).isNotEqualTo(proof);
		// Key and message are not interchangeable.
		assertThat(AppSecretProof.of("token", "secret")).isNotEqualTo(proof);
	}

	@Test
	void emptySecretOrTokenIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> AppSecretProof.of("", "token"));
		assertThatIllegalArgumentException().isThrownBy(() -> AppSecretProof.of("secret", ""));
		assertThatIllegalArgumentException().isThrownBy(() -> AppSecretProof.of("secret", " "));
	}

}
