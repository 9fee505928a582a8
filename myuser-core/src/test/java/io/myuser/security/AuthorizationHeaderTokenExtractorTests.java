package io.myuser.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AuthorizationHeaderTokenExtractor}.
 */
class AuthorizationHeaderTokenExtractorTests {

	private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl";

	private final AuthorizationHeaderTokenExtractor resolver = new AuthorizationHeaderTokenExtractor();

	@Test
	void resolveWhenNoAuthorizationHeaderThenNull() {
		assertThat(this.resolver.resolve(new MockHttpServletRequest())).isNull();
	}

	@Test
	void resolveWhenOtherSchemeThenNull() {
		for (String header : List.of("Basic dXNlcjpwYXNzd29yZA==", "Digest username=\"a\"", "Token abc",
				"DPoP " + TOKEN, "Bearerabc", "BearerToken abc", "Bearer\tabc", "", " Bearer abc")) {
			assertThat(this.resolver.resolve(request(header))).as("'%s'", header).isNull();
		}
	}

	@Test
	void resolveWhenBearerTokenThenToken() {
		assertThat(this.resolver.resolve(request("Bearer abc.def.ghi"))).isEqualTo("abc.def.ghi");
		assertThat(this.resolver.resolve(request("Bearer " + TOKEN))).isEqualTo(TOKEN);
	}

	@Test
	void resolveWhenSchemeInAnyCaseThenToken() {
		for (String scheme : List.of("bearer", "BEARER", "bEaReR", "Bearer")) {
			assertThat(this.resolver.resolve(request(scheme + " " + TOKEN))).as(scheme).isEqualTo(TOKEN);
		}
	}

	@Test
	void resolveWhenTokenUsesWholeB64TokenAlphabetThenToken() {
		// RFC 6750: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
		String token = "AZaz09-._~+/==";
		assertThat(this.resolver.resolve(request("Bearer " + token))).isEqualTo(token);
	}

	@Test
	void resolveWhenSurroundingWhitespaceThenStripped() {
		assertThat(this.resolver.resolve(request("Bearer " + TOKEN + "  "))).isEqualTo(TOKEN);
		assertThat(this.resolver.resolve(request("Bearer   " + TOKEN))).isEqualTo(TOKEN);
	}

	@Test
	void resolveWhenBearerWithoutTokenThenThrowMalformedBearerHeaderException() {
		for (String header : List.of("Bearer", "bearer", "Bearer ", "Bearer   ", "Bearer \t")) {
			assertThatExceptionOfType(MalformedBearerHeaderException.class).as("'%s'", header)
				.isThrownBy(() -> this.resolver.resolve(request(header)));
		}
	}

	@Test
	void resolveWhenTokenMalformedThenThrowMalformedBearerHeaderException() {
		for (String header : List.of("Bearer a b", "Bearer <script>", "Bearer <script>alert(1)</script>",
				"Bearer abc,def", "Bearer abc\"def", "Bearer abc;def", "Bearer =abc", "Bearer abc=def",
				"Bearer abc\u0000", "Bearer t\u00f6ken", "Bearer " + TOKEN + " extra", "Bearer Bearer " + TOKEN)) {
			assertThatExceptionOfType(MalformedBearerHeaderException.class).as("'%s'", header)
				.isThrownBy(() -> this.resolver.resolve(request(header)))
				.withMessage("Bearer token is malformed");
		}
	}

	private static MockHttpServletRequest request(String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", authorization);
		return request;
	}

}
