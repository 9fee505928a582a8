package io.myuser.token;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How tokens are issued and checked.
 *
 * @param accessTokenTimeToLive lifetime of access tokens
 * @param refreshTokenTimeToLive lifetime of refresh tokens, and the absolute lifetime of a session
 * @param issuer value of {@code iss} to write and require, or {@code null} for none
 * @param audience value of {@code aud} to write and require, or {@code null} for none
 * @param clockSkew leeway allowed when checking {@code exp} and {@code iat}
 */
public record JwtSettings(Duration accessTokenTimeToLive, Duration refreshTokenTimeToLive, @Nullable String issuer,
		@Nullable String audience, Duration clockSkew) {

	public JwtSettings {
		Assert.isTrue(accessTokenTimeToLive != null && !accessTokenTimeToLive.isNegative() && !accessTokenTimeToLive.isZero(),
				"accessTokenTimeToLive must be positive");
		Assert.isTrue(refreshTokenTimeToLive != null && !refreshTokenTimeToLive.isNegative() && !refreshTokenTimeToLive.isZero(),
				"refreshTokenTimeToLive must be positive");
		Assert.isTrue(clockSkew != null && !clockSkew.isNegative(), "clockSkew must not be negative");
	}

	/**
	 * Settings with the defaults: 15 minute access tokens, 7 day refresh tokens, no issuer or audience, 30 s
	 * leeway.
	 * @return the default settings
	 */
	public static JwtSettings defaults() {
		return new JwtSettings(Duration.ofMinutes(15), Duration.ofDays(7), null, null, Duration.ofSeconds(30));
	}

}
