package io.myuser.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Finds the client IP and user agent of a request. The IP comes from the connection; {@code X-Forwarded-For} is
 * read only when the connection comes from a configured trusted proxy, and then from the right: the first address
 * that is not itself a trusted proxy is the client.
 * <p>
 * An entry is an IP literal, optionally with a port as proxies such as Azure Application Gateway write it:
 * {@code 203.0.113.7}, {@code 203.0.113.7:4711}, {@code 2001:db8::1}, {@code [2001:db8::1]} or
 * {@code [2001:db8::1]:4711}. The port (1 to 65535, ASCII digits) and the brackets are dropped, both for matching
 * the trusted proxies and for the client IP. A bare IPv6 address is read whole: without brackets its last group
 * cannot be told from a port. Any other entry ({@code unknown}, an RFC 7239 obfuscated identifier such as
 * {@code _hidden}, a host name, a bad port, brackets around IPv4) is malformed and stops the walk: the client is
 * then the last address the walk reached, the trusted proxy that wrote the malformed entry, never an address left
 * of it. So a forged header can neither choose the client IP, nor inject text, nor trigger a DNS lookup.
 * <p>
 * The standard {@code Forwarded} header (RFC 7239) is deliberately not read.
 */
public final class ClientInfoResolver {

	private static final Logger logger = LoggerFactory.getLogger(ClientInfoResolver.class);

	private static final String FORWARDED_FOR = "X-Forwarded-For";

	private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");

	private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}$");

	/** An IPv4 address with a port, as {@code 203.0.113.7:4711}; the address is checked apart. */
	private static final Pattern IPV4_WITH_PORT = Pattern.compile("^([0-9.]{7,15}):([0-9]{1,5})$");

	/** A bracketed IPv6 address, with or without a port, as {@code [2001:db8::1]:4711}; both are checked apart. */
	private static final Pattern BRACKETED = Pattern.compile("^\\[([0-9A-Fa-f:.]{2,45})\\](?::([0-9]{1,5}))?$");

	private final List<IpAddressMatcher> trustedProxies;

	/**
	 * Create a resolver.
	 * @param trustedProxies addresses or CIDR ranges of proxies whose {@code X-Forwarded-For} is believed
	 */
	public ClientInfoResolver(List<String> trustedProxies) {
		Assert.notNull(trustedProxies, "trustedProxies cannot be null");
		List<IpAddressMatcher> matchers = new ArrayList<>();
		for (String proxy : trustedProxies) {
			Assert.hasText(proxy, "trusted proxy entries cannot be blank");
			String address = proxy.contains("/") ? proxy.substring(0, proxy.indexOf('/')) : proxy;
			Assert.isTrue(isIpLiteral(address), () -> "trusted proxy '" + proxy + "' is not an IP address or CIDR range");
			matchers.add(new IpAddressMatcher(proxy.trim()));
			if (isWholeAddressSpace(proxy.trim())) {
				logger.warn("The trusted proxy range {} holds every address: X-Forwarded-For is believed from any "
						+ "client, which can then choose the IP address it is rate-limited and audited under. List "
						+ "only your proxies' addresses or ranges.", proxy.trim());
			}
		}
		this.trustedProxies = List.copyOf(matchers);
	}

	/** Whether a range is a /0 (every IPv4 or every IPv6 address). */
	private static boolean isWholeAddressSpace(String range) {
		int slash = range.indexOf('/');
		return slash >= 0 && range.substring(slash + 1).strip().chars().allMatch((c) -> c == '0');
	}

	/**
	 * Resolve who sent a request.
	 * @param request the request
	 * @return the client information
	 */
	public ClientInfo resolve(HttpServletRequest request) {
		Assert.notNull(request, "request cannot be null");
		return new ClientInfo(resolveIp(request), clean(request.getHeader("User-Agent")));
	}

	@Nullable String resolveIp(HttpServletRequest request) {
		String remote = request.getRemoteAddr();
		if (remote == null || !isIpLiteral(remote)) {
			return null;
		}
		if (!isTrusted(remote)) {
			return remote;
		}
		List<String> hops = new ArrayList<>();
		var headers = request.getHeaders(FORWARDED_FOR);
		while (headers != null && headers.hasMoreElements()) {
			for (String part : headers.nextElement().split(",")) {
				hops.add(part.trim());
			}
		}
		String client = remote;
		for (int i = hops.size() - 1; i >= 0; i--) {
			String address = addressOf(hops.get(i));
			if (address == null) {
				// Malformed: what lies left of it was not written by a proxy we can follow.
				break;
			}
			client = address;
			if (!isTrusted(address)) {
				break;
			}
		}
		return client;
	}

	/**
	 * The IP literal an {@code X-Forwarded-For} entry names, without its port or brackets.
	 * @param hop the entry, trimmed
	 * @return the address, or {@code null} if the entry is malformed
	 */
	static @Nullable String addressOf(String hop) {
		if (hop.startsWith("[")) {
			var bracketed = BRACKETED.matcher(hop);
			if (!bracketed.matches() || !isPort(bracketed.group(2))) {
				return null;
			}
			String address = bracketed.group(1);
			// Brackets hold IPv6 only (RFC 3986); "[203.0.113.7]" is not a way to write an IPv4 address.
			return (address.indexOf(':') >= 0 && isIpLiteral(address)) ? address : null;
		}
		if (hop.indexOf(':') == hop.lastIndexOf(':') && hop.indexOf(':') > 0) {
			// One colon: an IPv4 address with a port (an IPv6 address has at least two colons).
			var withPort = IPV4_WITH_PORT.matcher(hop);
			if (!withPort.matches() || !isPort(withPort.group(2))) {
				return null;
			}
			String address = withPort.group(1);
			return (IPV4.matcher(address).matches() && isIpLiteral(address)) ? address : null;
		}
		return isIpLiteral(hop) ? hop : null;
	}

	/** Whether a port is absent ({@code null}) or 1 to 65535. */
	private static boolean isPort(@Nullable String port) {
		if (port == null) {
			return true;
		}
		int value = Integer.parseInt(port);
		return value >= 1 && value <= 65535;
	}

	private boolean isTrusted(String address) {
		for (IpAddressMatcher matcher : this.trustedProxies) {
			if (matcher.matches(address)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether an entry is what the resolver accepts as a trusted proxy: an IPv4 or IPv6 address literal, or a CIDR
	 * range of one (such as {@code 10.0.0.0/8} or {@code fd00::/8}). Host names are refused, so that no entry
	 * triggers a DNS lookup.
	 * @param entry the entry
	 * @return whether {@link #ClientInfoResolver(List)} accepts it
	 */
	public static boolean isAddressOrRange(@Nullable String entry) {
		if (!StringUtils.hasText(entry)) {
			return false;
		}
		String address = entry.contains("/") ? entry.substring(0, entry.indexOf('/')) : entry;
		if (!isIpLiteral(address)) {
			return false;
		}
		try {
			new IpAddressMatcher(entry.trim());
			return true;
		}
		catch (IllegalArgumentException ex) {
			// A mask that is not a number, or longer than the address.
			return false;
		}
	}

	static boolean isIpLiteral(String text) {
		if (!StringUtils.hasLength(text) || text.length() > 45) {
			return false;
		}
		var ipv4 = IPV4.matcher(text);
		if (ipv4.matches()) {
			for (int group = 1; group <= 4; group++) {
				if (Integer.parseInt(ipv4.group(group)) > 255) {
					return false;
				}
			}
			return true;
		}
		if (text.indexOf(':') < 0 || !IPV6.matcher(text).matches()) {
			return false;
		}
		try {
			// Only colon-hex literals that start with a hex digit or ':' reach this point; InetAddress treats exactly
			// those as literals, so no name lookup happens.
			InetAddress.getByName(text);
			return true;
		}
		catch (UnknownHostException | IllegalArgumentException ex) {
			return false;
		}
	}

	private static String clean(@Nullable String userAgent) {
		if (userAgent == null) {
			return "";
		}
		StringBuilder cleaned = new StringBuilder(Math.min(userAgent.length(), ClientInfo.USER_AGENT_MAX_LENGTH));
		userAgent.codePoints()
			.filter((cp) -> !Character.isISOControl(cp))
			.limit(ClientInfo.USER_AGENT_MAX_LENGTH)
			.forEach(cleaned::appendCodePoint);
		return cleaned.toString();
	}

}
