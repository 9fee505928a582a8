package io.myuser.support;

import java.security.Permission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
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

	private static final List<String> GARBAGE = List.of("evil", "<script>", "999.1.1.1", "attacker.example.com",
			"localhost", "unknown", "1.2.3", "2001:db8::1%eth0", "0x7f.0.0.1", "1.2.3.4 5.6.7.8", "::ffff:999.1.1.1",
			"12345::1", "");

	/** Entries with a port or brackets that are not {@code IPv4:port}, {@code [IPv6]} or {@code [IPv6]:port}. */
	private static final List<String> MALFORMED_WITH_PORT_OR_BRACKETS = List.of("203.0.113.7:0", "203.0.113.7:00000",
			"203.0.113.7:65536", "203.0.113.7:99999", "203.0.113.7:123456", "203.0.113.7:", "203.0.113.7:x",
			"203.0.113.7:-1", "203.0.113.7:+80", "203.0.113.7: 80", "203.0.113.7 :80", "203.0.113.7:0x50",
			"203.0.113.7:\u0664\u0665", "203.0.113.7:80:80", "999.1.1.1:80", "[2001:db8::1]:", "[2001:db8::1]:0",
			"[2001:db8::1]:65536", "[2001:db8::1]80", "[2001:db8::1]:80:80", "[2001:db8::1", "2001:db8::1]",
			"[[2001:db8::1]]", "[]", "[]:80", "[203.0.113.7]", "[203.0.113.7]:80", "[2001:db8::1%eth0]:80",
			"[ 2001:db8::1 ]", "[unknown]", "unknown:80", "_hidden", "_hidden:80", "[_hidden]:80", "host.example:80",
			"[12345::1]:80");

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
				"[::1]", "fe80::1%eth0", "proxy.example.com", "1.2.3.4:80", "[2001:db8::1]", "[2001:db8::1]:80"));
		refused.addAll(GARBAGE);
		refused.addAll(MALFORMED_WITH_PORT_OR_BRACKETS);
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
					assertThat(hops).as("X-Forwarded-For '%s', %s", forwardedFor, random)
						.anyMatch((hop) -> hop.equals(ip) || hop.startsWith(ip + ":") || hop.startsWith("[" + ip + "]"));
					assertThat(ip).as("X-Forwarded-For '%s', %s", forwardedFor, random).containsPattern("^[0-9a-fA-F:]");
					assertThat(ip).as("X-Forwarded-For '%s', %s", forwardedFor, random).doesNotContain("[", "]", "%");
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
	void resolveWhenEntryCarriesAPortOrBracketsThenTheAddressWithoutThem() {
		assertThat(this.resolver.resolve(request(PROXY, "6.6.6.6, " + CLIENT + ":4711")).ipAddress()).isEqualTo(CLIENT);
		assertThat(this.resolver.resolve(request(PROXY, "6.6.6.6, [2001:db8::1]")).ipAddress()).isEqualTo("2001:db8::1");
		assertThat(this.resolver.resolve(request(PROXY, "6.6.6.6, [2001:db8::1]:4711")).ipAddress())
			.isEqualTo("2001:db8::1");
		assertThat(this.resolver.resolve(request(PROXY, "[::ffff:203.0.113.7]:65535")).ipAddress())
			.isEqualTo("::ffff:203.0.113.7");
		assertThat(this.resolver.resolve(request(PROXY, CLIENT + ":1")).ipAddress()).isEqualTo(CLIENT);
		assertThat(this.resolver.resolve(request(PROXY, CLIENT + ":080")).ipAddress()).isEqualTo(CLIENT);
	}

	@Test
	void resolveWhenTrustedHopCarriesAPortThenItIsStillSkipped() {
		MockHttpServletRequest request = request(PROXY, "6.6.6.6, " + CLIENT + ":4711, 10.200.0.9:443, 192.168.1.5:80");
		assertThat(this.resolver.resolve(request).ipAddress()).isEqualTo(CLIENT);
		ClientInfoResolver ipv6 = new ClientInfoResolver(List.of("2001:db8::/32"));
		assertThat(ipv6.resolve(request("2001:db8::2", "[2a00:1450:4001::200e]:4711, [2001:db8:ffff::9]:443"))
			.ipAddress()).isEqualTo("2a00:1450:4001::200e");
		assertThat(ipv6.resolve(request("2001:db8::2", "198.51.100.4:4711, [2001:db8:ffff::9]")).ipAddress())
			.isEqualTo("198.51.100.4");
		assertThat(this.resolver.resolve(request(PROXY, "10.9.9.9:1234, 192.168.1.5:80")).ipAddress())
			.as("every hop trusted").isEqualTo("10.9.9.9");
	}

	@Test
	void resolveWhenEntryHasAMalformedPortOrBracketsThenTheWalkStopsAsForAnyMalformedEntry() {
		for (String malformed : MALFORMED_WITH_PORT_OR_BRACKETS) {
			assertThat(this.resolver.resolve(request(PROXY, "6.6.6.6, " + CLIENT + ", " + malformed)).ipAddress())
				.as("'%s' rightmost", malformed)
				.isEqualTo(PROXY);
			assertThat(this.resolver.resolve(request(PROXY, CLIENT + ", " + malformed + ", 10.1.1.1:80")).ipAddress())
				.as("'%s' behind a trusted hop", malformed)
				.isEqualTo("10.1.1.1");
		}
	}

	@Test
	void resolveWhenEntryHasAMalformedPortOrBracketsThenNoNameLookup() {
		List<String> lookups = recordNameLookups(() -> {
			for (String malformed : MALFORMED_WITH_PORT_OR_BRACKETS) {
				this.resolver.resolve(request(PROXY, CLIENT + ", " + malformed));
			}
		});
		assertThat(lookups).isEmpty();
	}

	@Test
	void resolveWhenBareIpv6EndsInWhatLooksLikeAPortThenTheWholeAddressAsToday() {
		// Without brackets the last group of an IPv6 address cannot be told from a port: it is read as an address.
		assertThat(this.resolver.resolve(request(PROXY, "2001:db8::1:4711")).ipAddress()).isEqualTo("2001:db8::1:4711");
	}

	@Test
	void resolveWhenOnlyTheForwardedHeaderIsSentThenItIsIgnored() {
		MockHttpServletRequest request = request(PROXY);
		request.addHeader("Forwarded", "for=" + CLIENT);
		request.addHeader("Forwarded", "for=\"[2001:db8::1]:4711\";proto=https");
		assertThat(this.resolver.resolve(request).ipAddress()).isEqualTo(PROXY);
		MockHttpServletRequest both = request(PROXY, "198.51.100.4:4711");
		both.addHeader("Forwarded", "for=" + CLIENT);
		assertThat(this.resolver.resolve(both).ipAddress()).isEqualTo("198.51.100.4");
	}

	/**
	 * Entries in every form a proxy writes (IPv4, {@code IPv4:port}, bare IPv6, {@code [IPv6]},
	 * {@code [IPv6]:port}), trusted or not, mixed with {@code unknown}, RFC 7239 obfuscated identifiers and
	 * malformed ports or brackets. The resolved IP is always the address, without port or brackets, of the remote
	 * address or of an entry right of which every entry is a well-formed trusted proxy.
	 */
	@Test
	void resolveWhenGeneratedEntriesInEveryFormThenNeverAnUntrustedPositionAndNeverAPort() {
		SeededRandom random = SeededRandom
			.forTest("resolveWhenGeneratedEntriesInEveryFormThenNeverAnUntrustedPositionAndNeverAPort");
		ClientInfoResolver resolver = new ClientInfoResolver(List.of("10.0.0.0/8", "fd00::/8"));
		for (int i = 0; i < 5_000; i++) {
			String remote = random.nextBoolean() ? "10.0.0.2" : "fd00::2";
			List<GeneratedEntry> entries = new ArrayList<>();
			int count = random.nextInt(7);
			for (int k = 0; k < count; k++) {
				entries.add(GeneratedEntry.random(random, k + 1));
			}
			List<String> headers = headers(random, entries);
			String ip = resolver.resolve(request(remote, headers.toArray(String[]::new))).ipAddress();
			String context = "remote " + remote + ", X-Forwarded-For " + headers + ", " + random;

			// The rightmost entry that stops the walk: malformed, or a well-formed address of no trusted proxy.
			int stop = -1;
			for (int k = entries.size() - 1; k >= 0 && stop < 0; k--) {
				if (entries.get(k).address() == null || !entries.get(k).trusted()) {
					stop = k;
				}
			}
			List<String> allowed = new ArrayList<>(List.of(remote));
			for (int k = Math.max(stop, 0); k < entries.size(); k++) {
				if (entries.get(k).address() != null) {
					allowed.add(entries.get(k).address());
				}
			}
			assertThat(ip).as(context).isNotNull().isIn(allowed);
			assertThat(ip).as(context).doesNotContain("[", "]");
			assertThat(ClientInfoResolver.isIpLiteral(ip)).as(context).isTrue();
			for (GeneratedEntry entry : entries) {
				if (!entry.text().equals(entry.address())) {
					assertThat(ip).as(context).isNotEqualTo(entry.text());
				}
			}

			String expected = remote;
			for (int k = entries.size() - 1; k >= 0; k--) {
				GeneratedEntry entry = entries.get(k);
				if (entry.address() == null) {
					break;
				}
				expected = entry.address();
				if (!entry.trusted()) {
					break;
				}
			}
			assertThat(ip).as(context).isEqualTo(expected);
		}
	}

	private static List<String> headers(SeededRandom random, List<GeneratedEntry> entries) {
		List<String> headers = new ArrayList<>();
		StringBuilder header = new StringBuilder();
		for (GeneratedEntry entry : entries) {
			if (header.length() > 0) {
				if (random.nextInt(5) == 0) {
					headers.add(header.toString());
					header.setLength(0);
				}
				else {
					header.append(List.of(",", ", ", " ,", " , ").get(random.nextInt(4)));
				}
			}
			header.append(entry.text());
		}
		if (header.length() > 0) {
			headers.add(header.toString());
		}
		return headers;
	}

	/**
	 * One generated {@code X-Forwarded-For} entry.
	 * @param text the entry as written
	 * @param address the address it names, or {@code null} for a malformed entry
	 * @param trusted whether the address is a trusted proxy's
	 */
	private record GeneratedEntry(String text, @Nullable String address, boolean trusted) {

		private static final List<String> BAD_PORTS = List.of("0", "00000", "65536", "99999", "123456", "", "-1",
				"+80", "8a", " 80", "0x50", "\u0664\u0665", "80:80", "_port");

		static GeneratedEntry random(SeededRandom random, int unique) {
			boolean trusted = random.nextBoolean();
			String ipv4 = trusted ? "10." + unique + "." + random.nextInt(256) + "." + random.nextInt(256)
					: "198.51." + unique + "." + random.nextInt(256);
			String ipv6 = (trusted ? "fd00::" : "2001:db8::") + Integer.toHexString(unique) + ":"
					+ Integer.toHexString(random.nextInt(0x10000));
			if (random.nextBoolean()) {
				ipv6 = ipv6.toUpperCase(Locale.ROOT);
			}
			String port = String.valueOf(1 + random.nextInt(65535));
			String badPort = BAD_PORTS.get(random.nextInt(BAD_PORTS.size()));
			return switch (random.nextInt(16)) {
				case 0, 1 -> new GeneratedEntry(ipv4, ipv4, trusted);
				case 2, 3 -> new GeneratedEntry(ipv4 + ":" + port, ipv4, trusted);
				case 4 -> new GeneratedEntry(ipv6, ipv6, trusted);
				case 5 -> new GeneratedEntry("[" + ipv6 + "]", ipv6, trusted);
				case 6, 7 -> new GeneratedEntry("[" + ipv6 + "]:" + port, ipv6, trusted);
				case 8 -> new GeneratedEntry("[::ffff:" + ipv4 + "]:" + port, "::ffff:" + ipv4, trusted);
				case 9 -> new GeneratedEntry(random.nextBoolean() ? "unknown" : "_hidden" + unique, null, false);
				case 10 -> new GeneratedEntry("_hidden" + unique + ":" + port, null, false);
				case 11 -> new GeneratedEntry(ipv4 + ":" + badPort, null, false);
				case 12 -> new GeneratedEntry("[" + ipv6 + "]:" + badPort, null, false);
				case 13 -> new GeneratedEntry(random.nextBoolean() ? "[" + ipv4 + "]" : "[" + ipv4 + "]:" + port, null,
						false);
				case 14 -> new GeneratedEntry(List.of("[" + ipv6, ipv6 + "]", "[" + ipv6 + "]" + port, "[[" + ipv6 + "]]",
						"[" + ipv6 + "%eth0]:" + port, "[ " + ipv6 + " ]").get(random.nextInt(6)), null, false);
				default -> new GeneratedEntry(List.of("unknown:" + port, "[unknown]", "[]:" + port, ipv4 + " :" + port,
						"host.example:" + port).get(random.nextInt(5)), null, false);
			};
		}

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
