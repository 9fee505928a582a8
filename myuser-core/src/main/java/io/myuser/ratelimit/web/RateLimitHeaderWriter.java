package io.myuser.ratelimit.web;

import io.myuser.ratelimit.RateLimit;
import io.myuser.ratelimit.RateLimitDecision;
import io.myuser.ratelimit.RateLimitListener;
import io.myuser.support.RefusedException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Adds, for every budget a request spends, the structured headers of the IETF httpapi rate-limit draft to the
 * answer of the current request ({@code myuser.rate-limit.expose-headers=true}):
 * {@code RateLimit-Policy: "login.per-ip";q=10;w=60} (quota and window in seconds) and
 * {@code RateLimit: "login.per-ip";r=9;t=60} (remaining and seconds until the budget is whole again). A request
 * that spends two budgets carries two items of each. Outside a web request it does nothing.
 */
public class RateLimitHeaderWriter implements RateLimitListener {

	/** The policy header's name. */
	public static final String POLICY = "RateLimit-Policy";

	/** The state header's name. */
	public static final String STATE = "RateLimit";

	@Override
	public void decided(String scope, RateLimit limit, RateLimitDecision decision) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return;
		}
		HttpServletResponse response = servlet.getResponse();
		if (response == null || response.isCommitted()) {
			return;
		}
		String name = "\"" + scope + "\"";
		response.addHeader(POLICY, name + ";q=" + limit.capacity() + ";w=" + limit.period().toSeconds());
		response.addHeader(STATE, name + ";r=" + decision.remaining() + ";t=" + ceilSeconds(decision));
	}

	private static long ceilSeconds(RateLimitDecision decision) {
		return RefusedException.wholeSecondsUp(decision.reset());
	}

}
