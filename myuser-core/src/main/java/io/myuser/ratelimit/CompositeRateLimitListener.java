package io.myuser.ratelimit;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells several {@link RateLimitListener}s, in order; one that throws is logged and the others are still told.
 */
final class CompositeRateLimitListener implements RateLimitListener {

	private static final Logger logger = LoggerFactory.getLogger(CompositeRateLimitListener.class);

	private final List<RateLimitListener> listeners;

	CompositeRateLimitListener(List<? extends RateLimitListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void decided(String scope, RateLimit limit, RateLimitDecision decision) {
		for (RateLimitListener listener : this.listeners) {
			try {
				listener.decided(scope, limit, decision);
			}
			catch (RuntimeException ex) {
				logger.warn("Rate-limit listener {} failed", listener, ex);
			}
		}
	}

	@Override
	public void refused(String scope) {
		for (RateLimitListener listener : this.listeners) {
			try {
				listener.refused(scope);
			}
			catch (RuntimeException ex) {
				logger.warn("Rate-limit listener {} failed", listener, ex);
			}
		}
	}

}
