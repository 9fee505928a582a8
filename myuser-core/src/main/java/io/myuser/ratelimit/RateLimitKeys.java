package io.myuser.ratelimit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Makes {@link RateLimitKey}s whose subject is a keyed hash (HMAC-SHA256, 128 bits kept) of what they limit, so a
 * store holds no address or IP, and a reader of the store cannot test guesses without the key. Every node of an
 * application must use the same secret for the nodes to share budgets. An IPv6 client is limited per /64, the
 * block a single subscriber usually holds; an IPv4-mapped IPv6 address counts as its IPv4 address.
 */
public final class RateLimitKeys {

	private static final String ALGORITHM = "HmacSHA256";

	private static final int KEPT_BYTES = 16;

	private static final Pattern IP_LITERAL = Pattern.compile("^[0-9A-Fa-f:.%]+$");

	private final SecretKeySpec key;

	/**
	 * Creates the key maker.
	 * @param secret the shared secret, at least 32 bytes
	 */
	public RateLimitKeys(byte[] secret) {
		Assert.isTrue(secret != null && secret.length >= 32, "secret must be at least 32 bytes");
		this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
	}

	/**
	 * A budget per email address, known or not: the address is normalised (NFC), stripped and lower-cased, as
	 * accounts compare addresses, so that spellings of one address share a budget.
	 * @param scope the scope
	 * @param address the submitted address
	 * @return the key
	 */
	public RateLimitKey address(String scope, String address) {
		return new RateLimitKey(scope, hash("address", normalizedAddress(address)));
	}

	/**
	 * A budget per client IP (per /64 for IPv6).
	 * @param scope the scope
	 * @param ip the client IP, as the trusted {@code ClientInfoResolver} resolved it
	 * @return the key
	 */
	public RateLimitKey ip(String scope, String ip) {
		return new RateLimitKey(scope, hash("ip", network(ip)));
	}

	/**
	 * A budget per email address and client IP together.
	 * @param scope the scope
	 * @param address the submitted address
	 * @param ip the client IP
	 * @return the key
	 */
	public RateLimitKey addressAndIp(String scope, String address, String ip) {
		return new RateLimitKey(scope, hash("address-ip", normalizedAddress(address) + "\n" + network(ip)));
	}

	/**
	 * A budget per account.
	 * @param scope the scope
	 * @param userId the account
	 * @return the key
	 */
	public RateLimitKey user(String scope, UUID userId) {
		Assert.notNull(userId, "userId cannot be null");
		return new RateLimitKey(scope, hash("user", userId.toString()));
	}

	/**
	 * The part of an IP that is limited: an IPv4 address as it is, an IPv6 address's first 64 bits, and an
	 * IPv4-mapped IPv6 address ({@code ::ffff:203.0.113.7}, {@code ::ffff:cb00:7107}) as its IPv4 address, in one
	 * spelling whatever the case, leading zeros, compression, brackets or zone of the input. Anything that is not
	 * an IP literal is kept as written, lower-cased; it is never looked up, even when it looks like one (such as
	 * {@code 999.1.1.1} or {@code abcd.ef.12.34}).
	 * @param ip the client IP
	 * @return the limited network
	 */
	public static String network(String ip) {
		Assert.notNull(ip, "ip cannot be null");
		String trimmed = ip.strip();
		if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
			trimmed = trimmed.substring(1, trimmed.length() - 1);
		}
		int zone = trimmed.indexOf('%');
		if (zone >= 0) {
			trimmed = trimmed.substring(0, zone);
		}
		if (trimmed.isEmpty() || !IP_LITERAL.matcher(trimmed).matches()) {
			return trimmed.toLowerCase(Locale.ROOT);
		}
		if (trimmed.indexOf(':') < 0) {
			// Parsed here: InetAddress would ask the system resolver for a dotted text that is not an IPv4 literal.
			String ipv4 = ipv4(trimmed);
			return (ipv4 != null) ? ipv4 : trimmed.toLowerCase(Locale.ROOT);
		}
		if (trimmed.charAt(0) == '.') {
			return trimmed.toLowerCase(Locale.ROOT);
		}
		InetAddress address;
		try {
			// Text with a colon that starts with a hex digit or a colon is parsed as an IPv6 literal, never resolved:
			// when it is not one, InetAddress throws.
			address = InetAddress.getByName(trimmed);
		}
		catch (UnknownHostException ex) {
			return trimmed.toLowerCase(Locale.ROOT);
		}
		if (address instanceof Inet4Address) {
			return address.getHostAddress();
		}
		if (address instanceof Inet6Address) {
			byte[] bytes = Arrays.copyOf(address.getAddress(), 16);
			Arrays.fill(bytes, 8, 16, (byte) 0);
			try {
				return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return trimmed.toLowerCase(Locale.ROOT);
	}

	/**
	 * An IPv4 address in its usual spelling, or {@code null} when the text is not four decimal numbers of at most
	 * three digits up to 255 (leading zeros are decimal, as {@link InetAddress} reads them).
	 */
	private static @Nullable String ipv4(String text) {
		String[] parts = text.split("\\.", -1);
		if (parts.length != 4) {
			return null;
		}
		StringBuilder address = new StringBuilder(15);
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch((c) -> c >= '0' && c <= '9')) {
				return null;
			}
			int value = Integer.parseInt(part);
			if (value > 255) {
				return null;
			}
			address.append((address.length() > 0) ? "." : "").append(value);
		}
		return address.toString();
	}

	/**
	 * The address as accounts compare it (NFC, stripped, lower case), so that every spelling of one address, such
	 * as a precomposed and a combining accent, shares one budget.
	 */
	private static String normalizedAddress(String address) {
		Assert.notNull(address, "address cannot be null");
		return Normalizer.normalize(address.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
	}

	private String hash(String kind, String value) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			mac.update(kind.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, KEPT_BYTES));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
