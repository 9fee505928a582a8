package io.myuser.autoconfigure.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.myuser.session.SessionRevocationCache;

import org.springframework.boot.health.contributor.Health;

/**
 * The revocation poll's part: DOWN when this node has not loaded the other nodes' session revocations for longer
 * than {@code myuser.health.revocations.max-lag} (or never has), since access tokens of sessions ended elsewhere
 * are accepted here until it does. Reads memory only.
 */
final class RevocationPollHealthIndicator extends TimeLimitedHealthIndicator {

	private final SessionRevocationCache revocations;

	private final Clock clock;

	private final MyUserHealthProperties properties;

	RevocationPollHealthIndicator(SessionRevocationCache revocations, Clock clock, MyUserHealthProperties properties) {
		super("revocations", properties.getTimeout());
		this.revocations = revocations;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	protected Health check() {
		Duration maxLag = this.properties.getRevocations().getMaxLag();
		Instant last = this.revocations.lastRefresh();
		if (last == null) {
			return Health.down()
				.withDetail("reason", "revocations have not been loaded on this node yet")
				.withDetail("maxLag", maxLag.toString())
				.build();
		}
		Duration lag = Duration.between(last, this.clock.instant());
		if (lag.isNegative()) {
			lag = Duration.ZERO;
		}
		Health.Builder health = (lag.compareTo(maxLag) > 0) ? Health.down()
			.withDetail("reason", "revocations last loaded " + lag + " ago, more than " + maxLag) : Health.up();
		return health.withDetail("lastPoll", last.toString())
			.withDetail("lag", lag.toString())
			.withDetail("maxLag", maxLag.toString())
			.withDetail("pollInterval", this.revocations.pollInterval().toString())
			.build();
	}

}
