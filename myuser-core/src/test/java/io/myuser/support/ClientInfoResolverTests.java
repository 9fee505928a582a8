package io.myuser.support;

import java.security.Permission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Tests for {@link ClientInfoResolver}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClientInfoResolverTests {

	@Test
	void aRangeOfEveryAddressIsWarnedAboutAndANarrowOneIsNot(CapturedOutput output) {
		new ClientInfoResolver(List.of("10.0.0.0/8", "fd00::/8", "192.0.2.1"));
		assertThat(output.getOut()).doesNotContain("holds every address");

		new ClientInfoResolver(List.of("0.0.0.0/0"));
		new ClientInfoResolver(List.of("::/0"));

		assertThat(output.getOut()).contains("The trusted proxy range 0.0.0.0/0 holds every address")
			.contains("The trusted proxy range ::/0 holds every address");
	}


	private static final String PROXY = "10.0.0.2";

	private static final String CLIENT = "203.0.113.7";

	private static final List<String> GARBAGE = List.of("evil", "1.2.3.4:80", "<script>", "999.1.1.1",
			"attacker.example.com", "localhost", "unknown", "1.2.3", "[2001:db8::1]", "2001:db8::1%eth0", "0x7f.0.0.1",
			"1.2.3.4 5.6.7.8", "::ffff:999.1.1.1", "12345::1", "");

	private final ClientInfoResolver resolver = new ClientInfoResolver(List.of("10.0.0.0/8", "192.168.1.5"));

	@Test
	void constructorWhenTrustedProxiesNullThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientInfoResolver(null))
			.withMessage("trustedProxies cannot be null");
	}

	@Test
	void constructorWhenEntryIsHostNameThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientInfoResolver(List.of("proxy.example.com")))
			.withMessageContaining("proxy.example.com");
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientInfoResolver(List.of("localhost")))
			.withMessageContaining("localhost");
	}

	@Test
	void constructorWhenPrefixLengthTooLongThenThrowIllegalArgumentException() {
		for (String proxy : List.of("10.0.0.0/99", "10.0.0.0/33", "2001:db8::/129")) {
			assertThatIllegalArgumentException().as(proxy)
				.isThrownBy(() -> new ClientInfoResolver(List.of(proxy)))
				.withMessageContaining("bitmask");
		}
	}

	@Test
	void constructorWhenEntryMalformedThenThrowIllegalArgumentException() {
		for (String proxy : List.of("", " ", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8", "10.0.0.0/x", "256.0.0.1",
				"10.0.0", "/8", "10.0.0.0 /8", "[::1]", "fe80::1%eth0")) {
			assertThatIllegalArgumentException().as("'%s'", proxy)
				.isThrownBy(() -> new ClientInfoResolver(List.of(proxy)));
		}
	}

	@Test
	void constructorWhenIpAddressesAndCidrRangesThenAccepted() {
		assertThatCode(() -> new ClientInfoResolver(
				List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.1.5", "::1", "fd00::/8", "2001:db8::/32")))
			.doesNotThrowAnyException();
		assertThatCode(() -> new ClientInfoResolver(List.of())).doesNotThrowAnyException();
	}

	@Test
	void isAddressOrRangeWhenEntryIsAcceptedByTheConstructorThenTrueAndOtherwiseFalse() {
		List<String> accepted = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.1.5", "::1", "fd00::/8",
				"2001:db8::/32", "0.0.0.0/0");
		List<String> refused = new ArrayList<>(List.of("10.0.0.0/99", "10.0.0.0/33", "2001:db8::/129", " ",
				"10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8", "10.0.0.0/x", "256.0.0.1", "10.0.0", "/8", "10.0.0.0 /8",
				"[::1]", "fe80::1%eth0", "proxy.example.com"));
		refused.addAll(GARBAGE);
		for (String entry : accepted) {
			assertThat(ClientInfoResolver.isAddressOrRange(entry)).as("'%s'", entry).isTrue();
			assertThatCode(() -> new ClientInfoResolver(List.of(entry))).doesNotThrowAnyException();
		}
		for (String entry : refused) {
			assertThat(ClientInfoResolver.isAddressOrRange(entry)).as("'%s'", entry).isFalse();
			assertThatIllegalArgumentException().as("'%s'", entry)
				.isThrownBy(() -> new ClientInfoResolver(List.of(entry)));
		}
		assertThat(ClientInfoResolver.isAddressOrRange(null)).isFalse();
	}

	@Test
	void resolveWhenNoTrustedProxiesThenRemoteAddressAndForwardedForIgnored() {
		ClientInfoResolver untrusting = new ClientInfoResolver(List.of());
		MockHttpServletRequest request = request(PROXY, "6.6.6.6, " + CLIENT);
		assertThat(untrusting.resolve(request).ipAddress()).isEqualTo(PROXY);
	}

	@Test
	void resolveWhenRemoteAddressNotTrustedThenForwardedForIgnored() {
		MockHttpServletRequest request = request(CLIENT, "6.6.6.6");
		assertThat(this.resolver.resolve(request).ipAddress()).isEqualTo(CLIENT);
	}

	@Test
	void resolveWhenRemoteAddressTrustedAndNoForwardedForThenRemoteAddress() {
		assertThat(this.resolver.resolve(request(PROXY)).ipAddress()).isEqualTo(PROXY);
		assertThat(this.resolver.resolve(request(PROXY, " ")).ipAddress()).isEqualTo(PROXY);
	}

	@Test
	void resolveWhenRemoteAddressTrustedThenRightmostUntrustedHop() {
		MockHttpServletRequest request = request(PROXY, "6.6.6.6, " + CLIENT);
		assertThat(this.resolver.resolve(request).ipAddress()).isEqualTo(CLIENT);
	}

	@Test
	void resolveWhenSeveralTrustedHopsThenSkipsThemAll() {
		MockHttpServletRequest request = request(PROXY, "6.6.6.6, " + CLIENT + ", 10.200.0.9 ,192.168.1.5,10.0.0.3");
		assertThat(this.resolver.resolve(request).ipAddress()).isEqualTo(CLIENT);
	}

	@Test
	void resolveWhenEveryHopTrustedThenLeftmostHop() {
		MockHttpServletRequest request = request(PROXY, "10.9.9.9, 192.168.1.5");
		assertThat(this.resolver.resolve(request).ipAddress()).isEqualTo("10.9.9.9");
	}

	@Test
	void resolveWhenSeveralForwardedForHeadersThenReadInOrder() {
		MockHttpServletRequest request = request(PROXY, "6.6.6.6, " + CLIENT);
		request.addHeader("X-Forwarded-For", "10.1.1.1");
		assertThat(this.resolver.resolve(request).ipAddress()).isEqualTo(CLIENT);
		MockHttpServletRequest reversed = request(PROXY, "10.1.1.1");
		reversed.addHeader("X-Forwarded-For", CLIENT + ", 10.1.1.2");
		assertThat(this.resolver.resolve(reversed).ipAddress()).isEqualTo(CLIENT);
	}

	@Test
	void resolveWhenRightmostHopIsGarbageThenRemoteAddressWithoutException() {
		for (String garbage : GARBAGE) {
			MockHttpServletRequest request = request(PROXY, "6.6.6.6, " + CLIENT + ", " + garbage);
			assertThat(this.resolver.resolve(request).ipAddress()).as("'%s'", garbage).isEqualTo(PROXY);
		}
	}

	@Test
	void resolveWhenGarbageHopBehindTrustedHopThenWalkStopsAtTrustedHop() {
		for (String garbage : GARBAGE) {
			MockHttpServletRequest request = request(PROXY, "6.6.6.6, " + CLIENT + ", " + garbage + ", 10.1.1.1");
			assertThat(this.resolver.resolve(request).ipAddress()).as("'%s'", garbage).isEqualTo("10.1.1.1");
		}
	}

	@Test
	void resolveWhenGarbageHopThenNoNameLookup() {
		List<String> lookups = recordNameLookups(() -> {
			for (String garbage : GARBAGE) {
				this.resolver.resolve(request(PROXY, CLIENT + ", " + garbage));
				this.resolver.resolve(request(PROXY, garbage + ", 10.1.1.1"));
			}
		});
		assertThat(lookups).isEmpty();
	}

	@Test
	void resolveWhenHopStartsWithDotAndHoldsColonThenNoNameLookup() {
		// The IPV6 pattern [0-9A-Fa-f:.]{2,45} admits ".:" or "..::1". InetAddress treats a string as a literal only
		// when it starts with a hex digit or ':', so these go to the name service. Only IP literals should.
		List<String> hops = List.of(".:", "..::1", ".1:2", ".::ffff:1.2.3.4");
		List<String> lookups = recordNameLookups(() -> {
			for (String hop : hops) {
				assertThat(this.resolver.resolve(request(PROXY, hop)).ipAddress()).as(hop).isEqualTo(PROXY);
			}
		});
		assertThat(lookups).isEmpty();
	}

	@Test
	void resolveWhenRandomForwardedForThenNoExceptionAndResultIsRemoteOrAHop() {
		SeededRandom random = SeededRandom.forTest("resolveWhenRandomForwardedForThenNoExceptionAndResultIsRemoteOrAHop");
		// '.' is left out of the first position: see resolveWhenHopStartsWithDotAndHoldsColonThenNoNameLookup.
		String alphabet = "0123456789abcdefABCDEF:.,% []/-xyz<>";
		List<String> lookups = recordNameLookups(() -> {
			for (int i = 0; i < 3_000; i++) {
				StringBuilder header = new StringBuilder();
				int length = random.nextInt(40);
				for (int c = 0; c < length; c++) {
					header.append(alphabet.charAt(random.nextInt(alphabet.length())));
				}
				String forwardedFor = header.toString().replaceAll("(^|,)(\\s*)\\.+", "$1$2");
				String ip = this.resolver.resolve(request(PROXY, forwardedFor)).ipAddress();
				List<String> hops = new ArrayList<>();
				for (String hop : forwardedFor.split(",")) {
					hops.add(hop.trim());
				}
				assertThat(ip).as("X-Forwarded-For '%s', %s", forwardedFor, random).isNotNull();
				if (!ip.equals(PROXY)) {
					assertThat(hops).as("X-Forwarded-For '%s', %s", forwardedFor, random).contains(ip);
					assertThat(ip).as("X-Forwarded-For '%s', %s", forwardedFor, random).containsPattern("^[0-9a-fA-F:]");
				}
			}
		});
		assertThat(lookups).as(random.toString()).isEmpty();
	}

	@Test
	void resolveWhenIpv6ThenLiteralsWork() {
		ClientInfoResolver ipv6 = new ClientInfoResolver(List.of("2001:db8::/32", "::1"));
		assertThat(ipv6.resolve(request("2001:db8::1", "2a00:1450:4001::200e, 2001:db8:ffff::9")).ipAddress())
			.isEqualTo("2a00:1450:4001::200e");
		assertThat(ipv6.resolve(request("::1", "198.51.100.4")).ipAddress()).isEqualTo("198.51.100.4");
		assertThat(ipv6.resolve(request("2a00:1450:4001::200e", "198.51.100.4")).ipAddress())
			.isEqualTo("2a00:1450:4001::200e");
		assertThat(this.resolver.resolve(request(PROXY, "2a00:1450:4001:0:0:0:0:200e")).ipAddress())
			.isEqualTo("2a00:1450:4001:0:0:0:0:200e");
	}

	@Test
	void resolveWhenRemoteAddressNotAnIpThenNull() {
		MockHttpServletRequest request = request(PROXY);
		request.setRemoteAddr("unknown");
		assertThat(this.resolver.resolve(request).ipAddress()).isNull();
		request.setRemoteAddr(null);
		assertThat(this.resolver.resolve(request).ipAddress()).isNull();
	}

	@Test
	void resolveWhenUserAgentAbsentThenEmpty() {
		assertThat(this.resolver.resolve(request(CLIENT)).userAgent()).isEmpty();
	}

	@Test
	void resolveWhenUserAgentHasControlCharactersThenStripped() {
		MockHttpServletRequest request = request(CLIENT);
		request.addHeader("User-Agent", "Mozilla/5.0\u0000 (X11;\r\n Linux)\t\u001b[31m\u007f\u0085 \u00e9");
		assertThat(this.resolver.resolve(request).userAgent()).isEqualTo("Mozilla/5.0 (X11; Linux)[31m \u00e9");
	}

	@Test
	void resolveWhenUserAgentLongThenTruncatedTo512Chars() {
		MockHttpServletRequest request = request(CLIENT);
		request.addHeader("User-Agent", "x".repeat(600));
		assertThat(this.resolver.resolve(request).userAgent()).isEqualTo("x".repeat(512));

		MockHttpServletRequest controls = request(CLIENT);
		controls.addHeader("User-Agent", "\u0001x".repeat(600));
		assertThat(this.resolver.resolve(controls).userAgent()).isEqualTo("x".repeat(512));

		MockHttpServletRequest emoji = request(CLIENT);
		emoji.addHeader("User-Agent", "a" + "\ud83d\ude00".repeat(300));
		String userAgent = this.resolver.resolve(emoji).userAgent();
		assertThat(userAgent).hasSize(511).isEqualTo("a" + "\ud83d\ude00".repeat(255));
	}

	@Test
	void resolveWhenRequestNullThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.resolver.resolve(null))
			.withMessage("request cannot be null");
	}

	private static MockHttpServletRequest request(String remoteAddress, String... forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(remoteAddress);
		for (String header : forwardedFor) {
			request.addHeader("X-Forwarded-For", header);
		}
		return request;
	}

	/**
	 * Run an action and return the host names that were looked up meanwhile. {@code InetAddress} asks the security
	 * manager for {@code checkConnect(host, -1)} before every name service lookup, and never for IP literals.
	 */
	@SuppressWarnings("removal")
	private static List<String> recordNameLookups(Runnable action) {
		List<String> lookups = Collections.synchronizedList(new ArrayList<>());
		SecurityManager recorder = new SecurityManager() {

			@Override
			public void checkPermission(Permission permission) {
			}

			@Override
			public void checkPermission(Permission permission, Object context) {
			}

			@Override
			public void checkConnect(String host, int port) {
				if (port == -1) {
					lookups.add(host);
				}
			}

		};
		try {
			System.setSecurityManager(recorder);
		}
		catch (UnsupportedOperationException ex) {
			assumeThat(ex).as("this JDK does not allow a security manager to watch name lookups").isNull();
		}
		try {
			action.run();
		}
		finally {
			System.setSecurityManager(null);
		}
		return new ArrayList<>(lookups);
	}

}
