package io.myuser.social.redirect;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How the redirect flow runs.
 *
 * @param callbackBase the public URL of MyUser's routes, base path included ({@code https://api.example.com/api/auth}),
 * to which {@code /social/{provider}/callback} is added; {@code null} turns the flow off (its routes answer 404)
 * @param allowedRedirects the app URLs the browser may be sent back to (exact matches)
 * @param stateTimeToLive how long the browser has at the provider
 * @param exchangeCodeTimeToLive how long the app has to exchange the one-time code
 */
public record RedirectSettings(@Nullable String callbackBase, List<String> allowedRedirects, Duration stateTimeToLive,
		Duration exchangeCodeTimeToLive) {

	public RedirectSettings {
		allowedRedirects = List.copyOf(allowedRedirects);
		Assert.isTrue(stateTimeToLive != null && !stateTimeToLive.isNegative() && !stateTimeToLive.isZero(),
				"stateTimeToLive must be positive");
		Assert.isTrue(exchangeCodeTimeToLive != null && !exchangeCodeTimeToLive.isNegative()
				&& !exchangeCodeTimeToLive.isZero(), "exchangeCodeTimeToLive must be positive");
		if (callbackBase != null) {
			callbackBase = callbackBase.endsWith("/") ? callbackBase.substring(0, callbackBase.length() - 1)
					: callbackBase;
		}
	}

}
