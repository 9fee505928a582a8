package io.myuser.sample.tokens;

import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How a third-party resource server that knows nothing of MyUser verifies its access tokens: Spring Security's
 * {@link NimbusJwtDecoder} reading the published JWK set over HTTP, and requiring the RFC 9068 type
 * {@code at+jwt}. It comes in the two ways Spring Security 7 offers: a {@link JwtTypeValidator} for
 * {@code at+jwt} in place of the default one (Spring Security 7 checks {@code typ} in its validators, accepting
 * only {@code JWT} or none by default, and switches Nimbus's own check off), and Nimbus's
 * {@link DefaultJOSEObjectTypeVerifier} set through {@code jwtProcessorCustomizer}, with Spring's default type
 * validator replaced by the expiry check. Both check expiry and not-before against the system clock.
 * spring-security-oauth2-jose reaches the sample app through the starter's OAuth2 client dependency.
 */
final class StandardResourceServer {

	private StandardResourceServer() {
	}

	/**
	 * The two decoders, each requiring {@code at+jwt}.
	 * @param jwkSetUri the address of MyUser's {@code .well-known/jwks.json}
	 * @param algorithm the algorithm the resource server accepts
	 * @return a decoder with Spring's type validator, then one with Nimbus's type verifier
	 */
	static List<JwtDecoder> requiringAtJwt(String jwkSetUri, SignatureAlgorithm algorithm) {
		NimbusJwtDecoder springValidator = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithm(algorithm).build();
		springValidator.setJwtValidator(
				JwtValidators.createDefaultWithValidators(new JwtTypeValidator("at+jwt", "application/at+jwt")));
		NimbusJwtDecoder nimbusVerifier = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
			.jwsAlgorithm(algorithm)
			.jwtProcessorCustomizer((processor) -> processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
					new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"))))
			.build();
		// Spring Security 7's default validators also check typ, accepting only "JWT" or none; here the type is
		// Nimbus's to check, so they are replaced by the expiry check alone.
		nimbusVerifier.setJwtValidator(new JwtTimestampValidator());
		return List.of(springValidator, nimbusVerifier);
	}

	/**
	 * Check what a MyUser login answered against a standard resource server: the access token verifies through
	 * the JWK set, with the subject and type MyUser wrote; the refresh token and every access token re-typed by
	 * the test are refused by each decoder requiring {@code at+jwt}, while a decoder that checks no type accepts
	 * the refresh token (so the type, not the key or the claims, is what refuses it).
	 * @param jwkSetUri the address of the JWK set
	 * @param algorithm the algorithm
	 * @param access the access token from the login
	 * @param refresh the refresh token from the login
	 * @param userId the user who logged in
	 * @param retyped the access token signed again with the real key under headers without {@code at+jwt}
	 * @param resignedAtJwt the access token signed again with the real key under {@code typ: at+jwt}, which must
	 * pass, showing that the re-signing itself is sound
	 */
	static void assertOnlyAccessTokensPass(String jwkSetUri, SignatureAlgorithm algorithm, String access,
			String refresh, String userId, List<String> retyped, String resignedAtJwt) {
		for (JwtDecoder decoder : requiringAtJwt(jwkSetUri, algorithm)) {
			Jwt jwt = decoder.decode(access);
			assertThat(jwt.getSubject()).isEqualTo(userId);
			assertThat(jwt.getHeaders()).containsEntry("typ", "at+jwt").containsEntry("alg", algorithm.getName());
			assertThat(jwt.getClaimAsString("token_type")).isEqualTo("access");
			assertThat(decoder.decode(resignedAtJwt).getSubject()).isEqualTo(userId);
			assertThatExceptionOfType(BadJwtException.class).as("refresh token").isThrownBy(() -> decoder.decode(refresh));
			for (String token : retyped) {
				assertThatExceptionOfType(BadJwtException.class).as("header %s", TestJwts.header(token))
					.isThrownBy(() -> decoder.decode(token));
			}
		}
		NimbusJwtDecoder untyped = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithm(algorithm).build();
		// Spring Security 7's default validators accept only "JWT" or no typ, so they refuse both MyUser tokens:
		// a resource server must ask for at+jwt, as requiringAtJwt does.
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> untyped.decode(access))
			.withMessageContaining("typ");
		untyped.setJwtValidator(new JwtTimestampValidator());
		assertThat(untyped.decode(refresh).getClaimAsString("token_type")).isEqualTo("refresh");
		assertThat(untyped.decode(refresh).getHeaders()).containsEntry("typ", "rt+jwt");
	}

}
