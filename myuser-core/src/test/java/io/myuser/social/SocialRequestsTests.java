package io.myuser.social;

import java.util.List;
import java.util.Map;

import io.myuser.social.SocialRequests.Credential;
import io.myuser.social.provider.SocialCredential;
import io.myuser.support.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SocialRequests.Credential#toCredential()}: exactly one of {@code access_token}, {@code code} or
 * {@code id_token}; a code needs its {@code redirect_uri}; a {@code code_verifier} is RFC 7636's and goes with a
 * code only; a {@code nonce} goes with an id_token or a code only; every refusal names the JSON fields at fault.
 */
class SocialRequestsTests {

	private static final String REDIRECT = "https://app.example/cb";

	/** 43 characters, the shortest verifier RFC 7636 allows, using every allowed punctuation mark. */
	private static final String VERIFIER = "abcdefghijklmnopqrstuvwxyz-._~ABCDEFGHIJ012";

	@Test
	void anAccessTokenAloneIsAnAccessToken() {
		assertThat(body("ya29.token", null, null, null, null, null).toCredential())
			.isEqualTo(new SocialCredential.AccessToken("ya29.token"));
	}

	@Test
	void aCodeWithItsRedirectUriIsAnAuthorizationCode() {
		assertThat(body(null, "code-1", REDIRECT, null, null, null).toCredential())
			.isEqualTo(new SocialCredential.AuthorizationCode("code-1", REDIRECT, null, null));
		assertThat(body(null, "code-1", REDIRECT, VERIFIER, null, null).toCredential())
			.isEqualTo(new SocialCredential.AuthorizationCode("code-1", REDIRECT, VERIFIER, null));
	}

	@Test
	void anIdTokenIsAnIdTokenWithItsNonceIfAny() {
		assertThat(body(null, null, null, null, "eyJ.id.token", null).toCredential())
			.isEqualTo(new SocialCredential.IdToken("eyJ.id.token", null));
		assertThat(body(null, null, null, null, "eyJ.id.token", "nonce-1").toCredential())
			.isEqualTo(new SocialCredential.IdToken("eyJ.id.token", "nonce-1"));
	}

	@Test
	void noCredentialIsRefusedAsANonFieldError() {
		assertThat(errors(body(null, null, null, null, null, null))).containsOnlyKeys("non_field_errors");
		// Blank values count as absent.
		assertThat(errors(body(" ", "", null, null, "\t", null))).containsOnlyKeys("non_field_errors");
		assertThat(errors(body(null, null, null, null, null, null)).get("non_field_errors"))
			.containsExactly("Give exactly one of access_token, code or id_token.");
	}

	@Test
	void severalCredentialsAreRefusedNamingEach() {
		assertThat(errors(body("token", "code-1", REDIRECT, null, null, null))).containsKeys("access_token", "code")
			.doesNotContainKey("id_token");
		assertThat(errors(body("token", null, null, null, "eyJ.id.token", null))).containsOnlyKeys("access_token",
				"id_token");
		assertThat(errors(body(null, "code-1", REDIRECT, null, "eyJ.id.token", null))).containsKeys("code",
				"id_token");
		assertThat(errors(body("token", "code-1", REDIRECT, null, "eyJ.id.token", null))).containsKeys("access_token",
				"code", "id_token");
	}

	@Test
	void aCodeNeedsItsRedirectUri() {
		Map<String, List<String>> errors = errors(body(null, "code-1", null, null, null, null));
		assertThat(errors).containsOnlyKeys("redirect_uri");
		assertThat(errors.get("redirect_uri")).containsExactly("This field is required with a code.");
		assertThat(errors(body(null, "code-1", "  ", null, null, null))).containsOnlyKeys("redirect_uri");
	}

	@Test
	void aRedirectUriGoesWithACodeOnly() {
		assertThat(errors(body("token", null, REDIRECT, null, null, null))).containsOnlyKeys("redirect_uri");
		assertThat(errors(body(null, null, REDIRECT, null, "eyJ.id.token", null))).containsOnlyKeys("redirect_uri");
	}

	@Test
	void aCodeVerifierFollowsRfc7636() {
		assertThat(body(null, "code-1", REDIRECT, "a".repeat(128), null, null).toCredential())
			.isInstanceOf(SocialCredential.AuthorizationCode.class);
		for (String verifier : List.of("a".repeat(42), "a".repeat(129), VERIFIER.substring(1) + "+",
				VERIFIER.substring(1) + "/", VERIFIER.substring(1) + "=", VERIFIER.substring(1) + " ",
				VERIFIER.substring(1) + "é")) {
			Map<String, List<String>> errors = errors(body(null, "code-1", REDIRECT, verifier, null, null));
			assertThat(errors).as(verifier).containsOnlyKeys("code_verifier");
			assertThat(errors.get("code_verifier")).as(verifier).singleElement().asString().contains("43 to 128");
		}
	}

	@Test
	void aCodeVerifierGoesWithACodeOnly() {
		assertThat(errors(body("token", null, null, VERIFIER, null, null))).containsOnlyKeys("code_verifier");
		assertThat(errors(body(null, null, null, VERIFIER, "eyJ.id.token", null))).containsOnlyKeys("code_verifier");
		assertThat(errors(body("token", null, null, VERIFIER, null, null)).get("code_verifier"))
			.containsExactly("Only a code goes with a code_verifier.");
	}

	@Test
	void aNonceGoesWithAnIdTokenOrACodeOnly() {
		assertThat(errors(body("token", null, null, null, null, "nonce-1"))).containsOnlyKeys("nonce");
		assertThat(errors(body("token", null, null, null, null, "nonce-1")).get("nonce"))
			.containsExactly("Only an id_token or a code goes with a nonce.");
		assertThat(body(null, "code-1", REDIRECT, null, null, "nonce-1").toCredential())
			.isEqualTo(new SocialCredential.AuthorizationCode("code-1", REDIRECT, null, "nonce-1"));
	}

	@Test
	void everyFieldAtFaultIsNamedAtOnce() {
		assertThat(errors(body("token", "code-1", null, "short", null, "nonce-1"))).containsOnlyKeys("access_token",
				"code", "code_verifier", "nonce");
	}

	@Test
	void theBodyDoesNotPrintItsSecrets() {
		Credential body = body("ya29.secret-token", null, null, null, null, null);
		assertThat(body.toString()).doesNotContain("ya29.secret-token");
		assertThat(body.toCredential().toString()).doesNotContain("ya29.secret-token");
		assertThat(body(null, null, null, null, "eyJ.secret", "n").toCredential().toString())
			.doesNotContain("eyJ.secret");
		assertThat(body(null, "secret-code", REDIRECT, VERIFIER, null, null).toCredential().toString())
			.doesNotContain("secret-code")
			.doesNotContain(VERIFIER);
	}

	private static Credential body(String accessToken, String code, String redirectUri, String codeVerifier,
			String idToken, String nonce) {
		return new Credential(accessToken, code, redirectUri, codeVerifier, idToken, nonce);
	}

	private static Map<String, List<String>> errors(Credential body) {
		InvalidInputException refusal = assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(body::toCredential)
			.actual();
		assertThat(refusal.getCode()).isEqualTo("validation");
		return refusal.getFieldErrors();
	}

}
