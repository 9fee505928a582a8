package io.myuser.ratelimit;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

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
