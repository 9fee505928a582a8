package io.myuser.autoconfigure.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Token properties, checked when they are bound. The signing key is checked when it is read, with a report of its
 * own.
 */
@ConfigurationProperties("myuser.token")
@Validated
public class MyUserTokenProperties {

	/**
	 * Whether password login and JWT authentication are enabled.
	 */
	private boolean enabled = true;

	/**
	 * Lifetime of access tokens.
	 */
	@NotNull
	@DurationMin(inclusive = false, message = "must be positive")
	private Duration accessTokenTimeToLive = Duration.ofMinutes(15);

	/**
	 * Lifetime of refresh tokens, which is also the absolute lifetime of a session.
	 */
	@NotNull
	@DurationMin(inclusive = false, message = "must be positive")
	private Duration refreshTokenTimeToLive = Duration.ofDays(7);

	/**
	 * Whether each refresh issues a new refresh token and retires the old one.
	 */
	private boolean rotateRefreshTokens = true;

	/**
	 * How long after a rotation the same retired refresh token may be presented again and get the same new pair
	 * (tabs racing, a lost response). Presenting it later revokes the whole session as token theft.
	 */
	@NotNull
	@DurationMin(message = "must not be negative")
	private Duration reuseGracePeriod = Duration.ofSeconds(10);

	/**
	 * Issuer written to the "iss" claim and required of incoming tokens. Unset means no issuer.
	 */
	private @Nullable String issuer;

	/**
	 * Audience written to the "aud" claim and required of incoming tokens. Unset means no audience.
	 */
	private @Nullable String audience;

	/**
	 * Leeway allowed when checking the expiry and issue time of tokens.
	 */
	@NotNull
	@DurationMin(message = "must not be negative")
	private Duration clockSkew = Duration.ofSeconds(30);

	/**
	 * Most verified access tokens each node remembers, so that a token presented again skips signature
	 * verification. Each is remembered until it expires at the latest; beyond the bound, entries are evicted one by
	 * one and verified again when they come back. Zero turns the cache off.
	 */
	@PositiveOrZero(message = "must not be negative (0 turns the cache off)")
	private int verifiedTokenCacheSize = 100_000;

	private final Signing signing = new Signing();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getAccessTokenTimeToLive() {
		return this.accessTokenTimeToLive;
	}

	public void setAccessTokenTimeToLive(Duration accessTokenTimeToLive) {
		this.accessTokenTimeToLive = accessTokenTimeToLive;
	}

	public Duration getRefreshTokenTimeToLive() {
		return this.refreshTokenTimeToLive;
	}

	public void setRefreshTokenTimeToLive(Duration refreshTokenTimeToLive) {
		this.refreshTokenTimeToLive = refreshTokenTimeToLive;
	}

	public boolean isRotateRefreshTokens() {
		return this.rotateRefreshTokens;
	}

	public void setRotateRefreshTokens(boolean rotateRefreshTokens) {
		this.rotateRefreshTokens = rotateRefreshTokens;
	}

	public Duration getReuseGracePeriod() {
		return this.reuseGracePeriod;
	}

	public void setReuseGracePeriod(Duration reuseGracePeriod) {
		this.reuseGracePeriod = reuseGracePeriod;
	}

	public @Nullable String getIssuer() {
		return this.issuer;
	}

	public void setIssuer(@Nullable String issuer) {
		this.issuer = issuer;
	}

	public @Nullable String getAudience() {
		return this.audience;
	}

	public void setAudience(@Nullable String audience) {
		this.audience = audience;
	}

	public Duration getClockSkew() {
		return this.clockSkew;
	}

	public void setClockSkew(Duration clockSkew) {
		this.clockSkew = clockSkew;
	}

	public int getVerifiedTokenCacheSize() {
		return this.verifiedTokenCacheSize;
	}

	public void setVerifiedTokenCacheSize(int verifiedTokenCacheSize) {
		this.verifiedTokenCacheSize = verifiedTokenCacheSize;
	}

	public Signing getSigning() {
		return this.signing;
	}

	/**
	 * How tokens are signed.
	 */
	public static class Signing {

		/**
		 * Signature algorithm: HS256 with a shared secret, or RS256 / ES256 with a key pair whose public key is
		 * published at {base-path}/.well-known/jwks.json.
		 */
		private String algorithm = "HS256";

		/**
		 * PEM file of the PKCS#8 private key for RS256 or ES256, for example "file:/run/secrets/jwt.key".
		 */
		private @Nullable Resource privateKeyLocation;

		/**
		 * PEM file of the X.509 public key matching the private key.
		 */
		private @Nullable Resource publicKeyLocation;

		/**
		 * Public keys of previous key pairs, still accepted and published after a key rotation until the tokens
		 * they signed have expired.
		 */
		private List<PreviousKey> previousKeys = new ArrayList<>();

		/**
		 * HS256 signing secret: "base64:" followed by the base64 of at least 32 random bytes (256 bits), as made
		 * by "openssl rand -base64 32". Plain text is refused. Required with HS256; keep it out of source control.
		 */
		private @Nullable String secret;

		/**
		 * Key id written to the "kid" header of issued tokens. Unset means no key id.
		 */
		private @Nullable String keyId;

		public String getAlgorithm() {
			return this.algorithm;
		}

		public void setAlgorithm(String algorithm) {
			this.algorithm = algorithm;
		}

		public @Nullable Resource getPrivateKeyLocation() {
			return this.privateKeyLocation;
		}

		public void setPrivateKeyLocation(@Nullable Resource privateKeyLocation) {
			this.privateKeyLocation = privateKeyLocation;
		}

		public @Nullable Resource getPublicKeyLocation() {
			return this.publicKeyLocation;
		}

		public void setPublicKeyLocation(@Nullable Resource publicKeyLocation) {
			this.publicKeyLocation = publicKeyLocation;
		}

		public List<PreviousKey> getPreviousKeys() {
			return this.previousKeys;
		}

		public void setPreviousKeys(List<PreviousKey> previousKeys) {
			this.previousKeys = previousKeys;
		}

		public @Nullable String getSecret() {
			return this.secret;
		}

		public void setSecret(@Nullable String secret) {
			this.secret = secret;
		}

		public @Nullable String getKeyId() {
			return this.keyId;
		}

		public void setKeyId(@Nullable String keyId) {
			this.keyId = keyId;
		}

	}

	/**
	 * The public key of a previous signing key pair.
	 */
	public static class PreviousKey {

		/**
		 * Key id ("kid") the previous key signed with.
		 */
		private @Nullable String keyId;

		/**
		 * Algorithm the previous key signed with (RS256 or ES256).
		 */
		private String algorithm = "RS256";

		/**
		 * PEM file of the previous X.509 public key.
		 */
		private @Nullable Resource publicKeyLocation;

		public @Nullable String getKeyId() {
			return this.keyId;
		}

		public void setKeyId(@Nullable String keyId) {
			this.keyId = keyId;
		}

		public String getAlgorithm() {
			return this.algorithm;
		}

		public void setAlgorithm(String algorithm) {
			this.algorithm = algorithm;
		}

		public @Nullable Resource getPublicKeyLocation() {
			return this.publicKeyLocation;
		}

		public void setPublicKeyLocation(@Nullable Resource publicKeyLocation) {
			this.publicKeyLocation = publicKeyLocation;
		}

	}

}
