package io.myuser.token;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Remembers access tokens whose signature and claims were already verified, so a client sending the same token
 * again does not pay for parsing and signature verification again. Only tokens that passed verification are held
 * (keyed by the whole token text), and only until they expire; revocation is checked on every request regardless.
 * The cache is bounded: when full it starts over.
 */
final class VerifiedAccessTokenCache {

	private final Map<String, TokenClaims> verified = new ConcurrentHashMap<>();

	private final int maxEntries;

	VerifiedAccessTokenCache(int maxEntries) {
		Assert.isTrue(maxEntries >= 0, "maxEntries must not be negative");
		this.maxEntries = maxEntries;
	}

	@Nullable TokenClaims get(String token, Instant now) {
		TokenClaims claims = this.verified.get(token);
		if (claims != null && !claims.expiresAt().isAfter(now)) {
			this.verified.remove(token);
			return null;
		}
		return claims;
	}

	void put(String token, TokenClaims claims) {
		if (this.maxEntries == 0) {
			return;
		}
		if (this.verified.size() >= this.maxEntries) {
			this.verified.clear();
		}
		this.verified.put(token, claims);
	}

}
