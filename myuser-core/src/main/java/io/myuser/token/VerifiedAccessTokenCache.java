package io.myuser.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.myuser.support.ClockTicker;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Remembers access tokens whose signature and claims were already verified, so a client sending the same token
 * again does not pay for parsing and signature verification again. Only tokens that passed verification are held
 * (keyed by the whole token text), and each only as long as the codec would still accept it: until its {@code exp}
 * plus the clock skew, on the application's clock. That is checked on every read, and the entry leaves the cache at
 * that moment. Revocation is not this cache's concern: it is checked on every request regardless.
 * <p>
 * The cache is bounded. When it is full, Caffeine evicts entries one by one (those least likely to be used again
 * first), so a node with more live tokens than the bound verifies the evicted ones again when they come back,
 * never all of them at once.
 */
final class VerifiedAccessTokenCache {

	private final @Nullable Cache<String, TokenClaims> verified;

	private final Duration clockSkew;

	private final Clock clock;

	/**
	 * Create a cache.
	 * @param maximumSize most tokens held; zero holds none
	 * @param clockSkew the leeway the codec allows past {@code exp}
	 * @param clock the clock expiry is measured on
	 */
	VerifiedAccessTokenCache(long maximumSize, Duration clockSkew, Clock clock) {
		Assert.isTrue(maximumSize >= 0, "maximumSize must not be negative");
		Assert.isTrue(clockSkew != null && !clockSkew.isNegative(), "clockSkew must not be negative");
		Assert.notNull(clock, "clock cannot be null");
		this.clockSkew = clockSkew;
		this.clock = clock;
		this.verified = (maximumSize == 0) ? null
				: Caffeine.newBuilder()
					.maximumSize(maximumSize)
					.ticker(new ClockTicker(clock))
					.expireAfter(Expiry.creating((String token, TokenClaims claims) -> remaining(claims)))
					.build();
	}

	/**
	 * Return the claims of a token verified before, while the codec would still accept it.
	 * @param token the compact token
	 * @return its claims, or {@code null} when it is not held (never verified, evicted or expired)
	 */
	@Nullable TokenClaims get(String token) {
		if (this.verified == null) {
			return null;
		}
		TokenClaims claims = this.verified.getIfPresent(token);
		if (claims != null && !isAcceptable(claims, this.clock.instant())) {
			this.verified.invalidate(token);
			return null;
		}
		return claims;
	}

	/**
	 * Remember a token that has just been verified.
	 * @param token the compact token
	 * @param claims its claims
	 */
	void put(String token, TokenClaims claims) {
		if (this.verified != null && isAcceptable(claims, this.clock.instant())) {
			this.verified.put(token, claims);
		}
	}

	/**
	 * Return how many tokens are held, after expired entries have been dropped.
	 * @return the number of entries
	 */
	long size() {
		if (this.verified == null) {
			return 0;
		}
		this.verified.cleanUp();
		return this.verified.estimatedSize();
	}

	private boolean isAcceptable(TokenClaims claims, Instant now) {
		return claims.expiresAt().plus(this.clockSkew).isAfter(now);
	}

	private Duration remaining(TokenClaims claims) {
		Duration remaining = Duration.between(this.clock.instant(), claims.expiresAt().plus(this.clockSkew));
		return remaining.isNegative() ? Duration.ZERO : remaining;
	}

}
