package io.myuser.ratelimit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitKeysTests {

	private final RateLimitKeys keys = new RateLimitKeys(
			"a shared secret of at least 32 bytes, for tests".getBytes(StandardCharsets.UTF_8));

	@Test
	void keysHoldNoRawValue() {
		RateLimitKey address = this.keys.address("login.per-account", "Ada@Example.com");
		RateLimitKey ip = this.keys.ip("login.per-ip", "203.0.113.7");
		assertThat(address.value()).startsWith("login.per-account:").doesNotContainIgnoringCase("ada")
			.doesNotContainIgnoringCase("example");
		assertThat(ip.value()).startsWith("login.per-ip:").doesNotContain("203").doesNotContain("113");
		assertThat(address.subject()).hasSize(22);
	}

	@Test
	void spellingsOfOneAddressShareABudgetAndOtherSecretsGiveOtherKeys() {
		assertThat(this.keys.address("s", " ADA@example.com")).isEqualTo(this.keys.address("s", "ada@EXAMPLE.com"));
		// A precomposed and a combining accent are one address to accounts (NFC), so one budget here.
		assertThat(this.keys.address("s", "jos\u00e9@example.com"))
			.isEqualTo(this.keys.address("s", "jose\u0301@example.com"));
		assertThat(this.keys.address("s", "ada@example.com")).isNotEqualTo(this.keys.address("s", "bob@example.com"));
		RateLimitKeys other = new RateLimitKeys("another shared secret of 32 bytes or more".getBytes());
		assertThat(other.address("s", "ada@example.com")).isNotEqualTo(this.keys.address("s", "ada@example.com"));
		UUID user = UUID.randomUUID();
		assertThat(this.keys.user("s", user)).isEqualTo(this.keys.user("s", user))
			.isNotEqualTo(this.keys.user("s", UUID.randomUUID()));
	}

	@Test
	void ipv6IsLimitedPerSlash64AndMappedIpv4AsIpv4() {
		assertThat(this.keys.ip("s", "2001:db8:1:2:aaaa::1")).isEqualTo(this.keys.ip("s", "2001:db8:1:2:ffff:1:2:3"))
			.isEqualTo(this.keys.ip("s", "[2001:0db8:0001:0002::9]"))
			.isNotEqualTo(this.keys.ip("s", "2001:db8:1:3::1"));
		assertThat(this.keys.ip("s", "::ffff:198.51.100.4")).isEqualTo(this.keys.ip("s", "198.51.100.4"));
		assertThat(this.keys.ip("s", "198.51.100.4")).isNotEqualTo(this.keys.ip("s", "198.51.100.5"));
		assertThat(RateLimitKeys.network("fe80::1%eth0")).isEqualTo("fe80:0:0:0:0:0:0:0/64");
	}

	@Test
	void everySpellingOfAnIpv4MappedAddressIsItsIpv4Address() {
		RateLimitKey ipv4 = this.keys.ip("s", "203.0.113.7");
		for (String spelling : List.of("::ffff:203.0.113.7", "::FFFF:203.0.113.7", "::ffff:cb00:7107",
				"::FFFF:CB00:7107", "0:0:0:0:0:ffff:203.0.113.7", "0000:0000:0000:0000:0000:ffff:cb00:7107",
				"[::ffff:203.0.113.7]", "::ffff:203.0.113.7%eth0", " ::ffff:203.0.113.7 ", "203.000.113.007")) {
			assertThat(this.keys.ip("s", spelling)).as(spelling).isEqualTo(ipv4);
			assertThat(RateLimitKeys.network(spelling)).as(spelling).isEqualTo("203.0.113.7");
			assertThat(this.keys.addressAndIp("s", "ada@example.com", spelling)).as(spelling)
				.isEqualTo(this.keys.addressAndIp("s", "ada@example.com", "203.0.113.7"));
		}
		// Only ::ffff:0:0/96 is IPv4-mapped; other IPv6 addresses that hold an IPv4 address are IPv6 clients.
		assertThat(this.keys.ip("s", "64:ff9b::203.0.113.7")).isNotEqualTo(ipv4);
	}

	@Test
	void everySpellingOfAnIpv6AddressGivesOneSlash64() {
		String network = "2001:db8:0:1:0:0:0:0/64";
		for (String spelling : List.of("2001:db8:0:1::1", "2001:DB8:0:1::1", "2001:0db8:0000:0001:0000:0000:0000:0001",
				"2001:db8::1:0:0:0:1", "[2001:db8:0:1::1]", "2001:db8:0:1::1%25", "2001:db8:0:1:ffff:ffff:ffff:ffff",
				"2001:db8:0:1::203.0.113.7")) {
			assertThat(RateLimitKeys.network(spelling)).as(spelling).isEqualTo(network);
			assertThat(this.keys.ip("s", spelling)).as(spelling).isEqualTo(this.keys.ip("s", "2001:db8:0:1::"));
		}
		assertThat(this.keys.ip("s", "2001:db8:0:2::1")).isNotEqualTo(this.keys.ip("s", "2001:db8:0:1::1"));
		assertThat(this.keys.ip("s", "2001:db8:1:1::1")).isNotEqualTo(this.keys.ip("s", "2001:db8:0:1::1"));
	}

	/**
	 * A text that only looks like an IP literal must not reach the system resolver: a forged one could make each
	 * key cost a DNS query, or turn into whatever a name server answers. The check runs in a JVM of its own, whose
	 * hosts file names these texts, so that a lookup would show in the result.
	 */
	@Test
	void aTextThatLooksLikeAnAddressIsNeverLookedUp(@TempDir Path dir) throws IOException, InterruptedException {
		List<String> texts = List.of("abcd.ef.12.34", "999.1.1.1", "1.2.3.0256", ".1:2");
		Path hosts = dir.resolve("hosts");
		Files.writeString(hosts, "10.9.9.1 abcd.ef.12.34\n10.9.9.2 999.1.1.1\n10.9.9.3 1.2.3.0256\n10.9.9.4 .1:2\n");
		List<String> command = new java.util.ArrayList<>(List.of(
				Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
				"-Djdk.net.hosts.file=" + hosts, "-cp", System.getProperty("java.class.path"),
				NetworkOf.class.getName()));
		command.addAll(texts);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output.lines().toList()).isEqualTo(texts);
	}

	/** Prints {@link RateLimitKeys#network} of each argument, a line each. */
	public static final class NetworkOf {

		private NetworkOf() {
		}

		public static void main(String[] args) {
			for (String arg : args) {
				System.out.println(RateLimitKeys.network(arg));
			}
		}

	}

	@Test
	void aNameIsNeverLookedUp() {
		assertThat(RateLimitKeys.network("localhost")).isEqualTo("localhost");
		assertThat(RateLimitKeys.network("example.com")).isEqualTo("example.com");
		assertThat(RateLimitKeys.network("1.2.3")).isEqualTo("1.2.3");
	}

	@Test
	void addressAndIpIsItsOwnBudget() {
		assertThat(this.keys.addressAndIp("s", "ada@example.com", "198.51.100.4"))
			.isNotEqualTo(this.keys.addressAndIp("s", "ada@example.com", "198.51.100.5"))
			.isNotEqualTo(this.keys.address("s", "ada@example.com"));
	}

}
