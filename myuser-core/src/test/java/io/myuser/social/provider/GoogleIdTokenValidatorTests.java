package io.myuser.social.provider;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link GoogleIdTokenValidator}: Google's issuer in both its forms, this client in the audience, the
 * authorized party rules (Android and iOS clients of the same project, several audiences), and a subject. Times
 * and signatures are other validators' business; the tokens here have fixed times.
 */
class GoogleIdTokenValidatorTests {

	private static final String CLIENT_ID = "web-client.apps.googleusercontent.com";

	private static final String ANDROID = "android-client.apps.googleusercontent.com";

	private static final String IOS = "ios-client.apps.googleusercontent.com";

	private static final Instant ISSUED_AT = Instant.parse("2026-05-01T10:00:00Z");

	private final GoogleIdTokenValidator anyParty = new GoogleIdTokenValidator(CLIENT_ID, List.of());

	private final GoogleIdTokenValidator listedParties = new GoogleIdTokenValidator(CLIENT_ID, List.of(ANDROID));

	@Test
	void aTokenForThisClientIsAccepted() {
		assertAccepted(this.anyParty, token((jwt) -> {
		}));
		assertAccepted(this.anyParty, token((jwt) -> jwt.claim("azp", CLIENT_ID)));
		assertAccepted(this.listedParties, token((jwt) -> jwt.claim("azp", CLIENT_ID)));
	}

	@Test
	void aTokenForAnotherClientIsRefused() {
		assertRefused(this.anyParty, token((jwt) -> jwt.audience(List.of("other-client"))),
				"not issued for this client");
		assertRefused(this.anyParty,
				token((jwt) -> jwt.audience(List.of("other-client")).claim("azp", CLIENT_ID)),
				"not issued for this client");
		// aud is compared whole, not as a prefix or substring.
		assertRefused(this.anyParty, token((jwt) -> jwt.audience(List.of(CLIENT_ID + ".evil"))),
				"not issued for this client");
		assertRefused(this.anyParty, token((jwt) -> jwt.claims((claims) -> claims.remove("aud"))),
				"not issued for this client");
	}

	@Test
	void theAudienceMayBeASingleString() {
		assertAccepted(this.anyParty, token((jwt) -> jwt.claim("aud", CLIENT_ID)));
		assertRefused(this.anyParty, token((jwt) -> jwt.claim("aud", "other-client")), "not issued for this client");
	}

	@Test
	void anAndroidClientOfTheProjectAskingForATokenForThisClientIsAccepted() {
		// Android: aud = the web (server) client id, azp = the Android client id.
		assertAccepted(this.anyParty, token((jwt) -> jwt.claim("azp", ANDROID)));
		assertAccepted(this.listedParties, token((jwt) -> jwt.claim("azp", ANDROID)));
	}

	@Test
	void anAuthorizedPartyNotListedIsRefusedWhenAListIsSet() {
		assertRefused(this.listedParties, token((jwt) -> jwt.claim("azp", IOS)), "client that is not allowed");
		assertRefused(this.listedParties, token((jwt) -> jwt.claim("azp", "attacker-client")),
				"client that is not allowed");
		// Without a list, any party asking for a token whose only audience is this client is accepted.
		assertAccepted(this.anyParty, token((jwt) -> jwt.claim("azp", IOS)));
	}

	@Test
	void severalAudiencesNeedThisClientAsAuthorizedParty() {
		List<String> audiences = List.of(CLIENT_ID, "other-client");
		assertRefused(this.anyParty, token((jwt) -> jwt.audience(audiences)), "several audiences");
		assertRefused(this.anyParty, token((jwt) -> jwt.audience(audiences).claim("azp", "other-client")),
				"several audiences");
		assertRefused(this.listedParties,
				token((jwt) -> jwt.audience(List.of(CLIENT_ID, ANDROID)).claim("azp", ANDROID)), "several audiences");
		assertAccepted(this.anyParty, token((jwt) -> jwt.audience(audiences).claim("azp", CLIENT_ID)));
	}

	@Test
	void bothFormsOfGooglesIssuerAreAccepted() {
		assertAccepted(this.anyParty, token((jwt) -> jwt.issuer("https://accounts.google.com")));
		assertAccepted(this.anyParty, token((jwt) -> jwt.issuer("accounts.google.com")));
	}

	@Test
	void anyOtherIssuerIsRefused() {
		for (String issuer : List.of("https://accounts.google.com.evil.example", "http://accounts.google.com",
				"https://accounts.google.com/", "https://evil.example", "accounts.google.com.evil.example",
				"HTTPS://ACCOUNTS.GOOGLE.COM")) {
			assertRefused(this.anyParty, token((jwt) -> jwt.issuer(issuer)), "not issued by Google");
		}
		assertRefused(this.anyParty, token((jwt) -> jwt.claims((claims) -> claims.remove("iss"))),
				"not issued by Google");
	}

	@Test
	void aTokenWithoutSubjectIsRefused() {
		assertRefused(this.anyParty, token((jwt) -> jwt.claims((claims) -> claims.remove("sub"))), "no subject");
		assertRefused(this.anyParty, token((jwt) -> jwt.subject(" ")), "no subject");
	}

	@Test
	void aClientIdIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> new GoogleIdTokenValidator("", List.of()));
	}

	private static Jwt token(Consumer<Jwt.Builder> changes) {
		Jwt.Builder builder = Jwt.withTokenValue("google-id-token")
			.header("alg", "RS256")
			.header("kid", "google-key")
			.issuer("https://accounts.google.com")
			.audience(List.of(CLIENT_ID))
			.subject("110169484474386276334")
			.issuedAt(ISSUED_AT)
			.expiresAt(ISSUED_AT.plusSeconds(3600))
			.claim("email", "ada@example.com")
			.claim("email_verified", true);
		changes.accept(builder);
		return builder.build();
	}

	private static void assertAccepted(GoogleIdTokenValidator validator, Jwt token) {
		OAuth2TokenValidatorResult result = validator.validate(token);
		assertThat(result.getErrors()).as(token.getClaims().toString()).isEmpty();
		assertThat(result.hasErrors()).isFalse();
	}

	private static void assertRefused(GoogleIdTokenValidator validator, Jwt token, String reason) {
		OAuth2TokenValidatorResult result = validator.validate(token);
		assertThat(result.hasErrors()).as(token.getClaims().toString()).isTrue();
		assertThat(result.getErrors()).as(token.getClaims().toString())
			.singleElement()
			.satisfies((error) -> {
				assertThat(error.getErrorCode()).isEqualTo("invalid_id_token");
				assertThat(error.getDescription()).contains(reason);
			})
			.isInstanceOf(OAuth2Error.class);
	}

}
