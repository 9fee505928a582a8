package io.myuser.support;

import org.jspecify.annotations.Nullable;

/**
 * Who sent a request: the client IP as far as it can be trusted and the user agent, already cut to fit the
 * columns that store them.
 *
 * @param ipAddress the client IP address, or {@code null} when unknown (work done outside a request)
 * @param userAgent the user agent, never longer than {@link #USER_AGENT_MAX_LENGTH}, empty when absent
 */
public record ClientInfo(@Nullable String ipAddress, String userAgent) {

	/** Length of the user agent columns. */
	public static final int USER_AGENT_MAX_LENGTH = 512;

	/** Client information for work that no HTTP request caused. */
	public static final ClientInfo NONE = new ClientInfo(null, "");

	public ClientInfo {
		userAgent = (userAgent != null) ? Texts.truncate(userAgent, USER_AGENT_MAX_LENGTH) : "";
	}

}
