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
 * that is not itself a trusted proxy is the client. Anything that is not an IP literal is ignored, so a forged
 * header can neither inject text nor trigger a DNS lookup.
 */
public final class ClientInfoResolver {

	private static final Logger logger = LoggerFactory.getLogger(ClientInfoResolver.class);

	private static final String FORWARDED_FOR = "X-Forwarded-For";

	private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");

	private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}$");

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
			String hop = hops.get(i);
			if (!isIpLiteral(hop)) {
				break;
			}
			client = hop;
			if (!isTrusted(hop)) {
				break;
			}
		}
		return client;
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
