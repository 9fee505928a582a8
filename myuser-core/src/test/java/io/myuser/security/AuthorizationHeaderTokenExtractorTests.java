package io.myuser.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.DefaultHttpFirewall;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servletapi.SecurityContextHolderAwareRequestWrapper;

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

	@Test
	void resolveBeneathFirewallThenHeaderNotCheckedByFirewallButTokenFound() {
		List<String> checked = new ArrayList<>();
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderValues((value) -> checked.add(value));
		HttpServletRequest firewalled = firewall.getFirewalledRequest(request("Bearer " + TOKEN));
		HttpServletRequest wrapped = new SecurityContextHolderAwareRequestWrapper(firewalled, "ROLE_");
		HttpServletRequest plain = new HttpServletRequestWrapper(wrapped);
		assertThat(this.resolver.resolve(firewalled)).isEqualTo(TOKEN);
		assertThat(this.resolver.resolve(wrapped)).isEqualTo(TOKEN);
		assertThat(this.resolver.resolve(plain)).isEqualTo(TOKEN);
		assertThat(checked).doesNotContain("Bearer " + TOKEN);
	}

	@Test
	void resolveBeneathHostWrapperThenHostsHeaderUsed() {
		HttpServletRequest firewalled = new StrictHttpFirewall().getFirewalledRequest(get());
		HttpServletRequest host = new HttpServletRequestWrapper(firewalled) {
			@Override
			public String getHeader(String name) {
				return "Authorization".equalsIgnoreCase(name) ? "Bearer " + TOKEN : super.getHeader(name);
			}
		};
		assertThat(this.resolver.resolve(host)).isEqualTo(TOKEN);
	}

	@Test
	void resolveBeneathFirewallThenRefusesWhatTheFirewallRefuses() {
		// Property-style: random header values from an alphabet rich in what the firewall's rule is about
		// (controls, unassigned code points, surrogates, the b64token alphabet); for each, reading beneath the
		// firewall must answer what reading through it answers.
		long seed = System.nanoTime();
		System.out.println("AuthorizationHeaderTokenExtractorTests seed " + seed);
		Random random = new Random(seed);
		int[] alphabet = { 'a', 'Z', '0', '.', '-', '_', '=', ' ', '\t', 0x00, 0x01, 0x0b, 0x1c, 0x1f, 0x7f, 0x85, 0x9f, 0xa0,
				0xe9, 0x2003, 0x0378, 0xfffe, 0xd800, 0xdc00, 0x1f600, 0xe0000, 0x10ffff };
		for (int round = 0; round < 5000; round++) {
			StringBuilder value = new StringBuilder(random.nextBoolean() ? "Bearer " : "");
			int length = random.nextInt(6);
			for (int i = 0; i < length; i++) {
				value.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
			}
			String header = value.toString();
			Object expected = outcome(new StrictHttpFirewall().getFirewalledRequest(request(header)), true);
			Object actual = outcome(new StrictHttpFirewall().getFirewalledRequest(request(header)), false);
			assertThat(actual).as("seed %d, header %s", seed, header.codePoints()
				.mapToObj(Integer::toHexString)
				.toList()).isEqualTo(expected);
		}
	}

	@Test
	void resolveThroughAnotherFirewallThenThatFirewallIsAsked() {
		// DefaultHttpFirewall checks no header: the extractor reads through it, and only the b64token rule applies.
		HttpServletRequest lenient = new DefaultHttpFirewall().getFirewalledRequest(request("Bearer " + TOKEN));
		assertThat(this.resolver.resolve(lenient)).isEqualTo(TOKEN);
		HttpServletRequest odd = new DefaultHttpFirewall().getFirewalledRequest(request("Bearer abc\u0085"));
		assertThatExceptionOfType(MalformedBearerHeaderException.class).isThrownBy(() -> this.resolver.resolve(odd));
		// A host's own firewall wrapper that changes the header is asked, not looked beneath.
		HttpServletRequest strict = new StrictHttpFirewall().getFirewalledRequest(request("Bearer " + TOKEN));
		HttpServletRequest own = new FirewalledRequest(strict) {
			@Override
			public String getHeader(String name) {
				return "Authorization".equalsIgnoreCase(name) ? "Bearer replaced" : super.getHeader(name);
			}

			@Override
			public void reset() {
			}
		};
		assertThat(this.resolver.resolve(own)).isEqualTo("replaced");
	}

	@Test
	void resolveThroughAWrapperThatOverridesGetRequestThenItIsAsked() {
		HttpServletRequest firewalled = new StrictHttpFirewall().getFirewalledRequest(request("Bearer " + TOKEN));
		HttpServletRequest other = request("Bearer other");
		HttpServletRequest odd = new HttpServletRequestWrapper(firewalled) {
			@Override
			public jakarta.servlet.ServletRequest getRequest() {
				return other;
			}
		};
		// getHeader delegates to the wrapped field, not to getRequest(): the answer is the firewalled request's.
		assertThat(this.resolver.resolve(odd)).isEqualTo(odd.getHeader("Authorization").substring(7));
	}

	/** What resolving answers: the token, null, or the class of the exception thrown. */
	private Object outcome(HttpServletRequest firewalled, boolean throughFirewall) {
		try {
			HttpServletRequest request = firewalled;
			if (throughFirewall) {
				// A wrapper that overrides getHeader: the extractor asks it, and so the firewall checks the value.
				request = new HttpServletRequestWrapper(firewalled) {
					@Override
					public String getHeader(String name) {
						return super.getHeader(name);
					}
				};
			}
			String token = this.resolver.resolve(request);
			return (token != null) ? token : "null";
		}
		catch (RuntimeException ex) {
			return ex.getClass();
		}
	}

	private static MockHttpServletRequest get() {
		return new MockHttpServletRequest("GET", "/api/greeting");
	}

	private static MockHttpServletRequest request(String authorization) {
		MockHttpServletRequest request = get();
		request.addHeader("Authorization", authorization);
		return request;
	}

}
