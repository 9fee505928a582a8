package io.myuser.sample.social.fake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * Mints an id_token as a provider would, or as an attacker might: by default RS256 with the provider's served key
 * (header {@code alg}, {@code kid}, {@code typ: JWT}), with the claims {@code iss}, {@code aud}, {@code azp},
 * {@code sub}, {@code email}, {@code email_verified} (a JSON boolean), {@code iat}, {@code exp} (an hour later)
 * and a random {@code jti}. Every claim can be changed or removed, any claim added, and the token signed with
 * another RSA key, with HS256 under a given secret, or not at all ({@code alg: none}). Each call to
 * {@link #build()} gives the token as it stands.
 */
public final class IdTokenBuilder {

	private final Map<String, Object> claims;

	private RSAKey key;

	private @Nullable String keyId;

	private boolean keyIdChanged;

	private @Nullable String type = "JWT";

	private byte @Nullable [] hmacSecret;

	private boolean unsigned;

	IdTokenBuilder(RSAKey key, Map<String, Object> claims) {
		Assert.notNull(key, "key must not be null");
		this.key = key;
		this.claims = new LinkedHashMap<>(claims);
	}

	/** Set {@code iss}. */
	public IdTokenBuilder issuer(String issuer) {
		return claim("iss", issuer);
	}

	/** Set {@code aud}: one audience is written as a string, as Google does, several as an array. */
	public IdTokenBuilder audience(String... audiences) {
		Assert.notEmpty(audiences, "audiences must not be empty");
		return claim("aud", (audiences.length == 1) ? audiences[0] : List.of(audiences));
	}

	/** Set {@code azp}, the authorized party. */
	public IdTokenBuilder authorizedParty(String azp) {
		return claim("azp", azp);
	}

	/** Set {@code sub}. */
	public IdTokenBuilder subject(String subject) {
		return claim("sub", subject);
	}

	/** Set {@code email}. */
	public IdTokenBuilder email(String email) {
		return claim("email", email);
	}

	/** Set {@code email_verified} as a JSON boolean. */
	public IdTokenBuilder emailVerified(boolean verified) {
		return claim("email_verified", verified);
	}

	/** Set {@code email_verified} as a JSON string, such as {@code "true"}. */
	public IdTokenBuilder emailVerified(String verified) {
		return claim("email_verified", verified);
	}

	/** Set {@code iat}, in epoch seconds. */
	public IdTokenBuilder issuedAt(Instant issuedAt) {
		return claim("iat", issuedAt.getEpochSecond());
	}

	/** Set {@code exp}, in epoch seconds. */
	public IdTokenBuilder expiresAt(Instant expiresAt) {
		return claim("exp", expiresAt.getEpochSecond());
	}

	/** Set {@code jti}. */
	public IdTokenBuilder jwtId(String jti) {
		return claim("jti", jti);
	}

	/** Set {@code nonce} (absent unless set). */
	public IdTokenBuilder nonce(String nonce) {
		return claim("nonce", nonce);
	}

	/**
	 * Set any claim to any JSON value (a string, number, boolean, list or map), such as {@code exp} as a string.
	 * @param name the claim name
	 * @param value the value
	 * @return this builder
	 */
	public IdTokenBuilder claim(String name, Object value) {
		Assert.hasText(name, "name must not be empty");
		Assert.notNull(value, "value must not be null (use without(name) to remove a claim)");
		this.claims.put(name, value);
		return this;
	}

	/**
	 * Remove claims.
	 * @param names the claim names
	 * @return this builder
	 */
	public IdTokenBuilder without(String... names) {
		Arrays.asList(names).forEach(this.claims::remove);
		return this;
	}

	/**
	 * Sign with another RSA key (RS256), whose {@code kid} goes into the header unless {@link #keyId} says
	 * otherwise. A key made by {@link FakeProviders#rsaKey(String)} with the served {@code kid} forges a token
	 * the served key does not verify.
	 * @param key an RSA key with its private part
	 * @return this builder
	 */
	public IdTokenBuilder signedWith(RSAKey key) {
		Assert.isTrue(key.isPrivate(), "key must have its private part");
		this.key = key;
		this.hmacSecret = null;
		this.unsigned = false;
		return this;
	}

	/**
	 * Sign with HS256 under this secret (of any length), as an algorithm-confusion attack would. The header
	 * carries no {@code kid} unless {@link #keyId} sets one.
	 * @param secret the HMAC key
	 * @return this builder
	 */
	public IdTokenBuilder signedWithHs256(byte[] secret) {
		Assert.isTrue(secret.length > 0, "secret must not be empty");
		this.hmacSecret = secret.clone();
		this.unsigned = false;
		return this;
	}

	/** Sign with HS256 under the UTF-8 bytes of this secret, such as a client secret. */
	public IdTokenBuilder signedWithHs256(String secret) {
		return signedWithHs256(secret.getBytes(StandardCharsets.UTF_8));
	}

	/** Make an unsecured token: header {@code alg: none} and an empty signature. */
	public IdTokenBuilder unsigned() {
		this.unsigned = true;
		this.hmacSecret = null;
		return this;
	}

	/**
	 * Put this {@code kid} in the header instead of the signing key's.
	 * @param keyId the key id, or null for a header without one
	 * @return this builder
	 */
	public IdTokenBuilder keyId(@Nullable String keyId) {
		this.keyId = keyId;
		this.keyIdChanged = true;
		return this;
	}

	/**
	 * Set the header's {@code typ} ({@code JWT} by default).
	 * @param type the type, or null for a header without one
	 * @return this builder
	 */
	public IdTokenBuilder type(@Nullable String type) {
		this.type = type;
		return this;
	}

	/** The claims the next {@link #build()} will sign, as a copy. */
	public Map<String, Object> claims() {
		return new LinkedHashMap<>(this.claims);
	}

	/**
	 * The token in compact serialization.
	 * @return header, payload and signature, each base64url without padding
	 */
	public String build() {
		Map<String, Object> header = new LinkedHashMap<>();
		String kid = this.keyIdChanged ? this.keyId : this.key.getKeyID();
		if (this.unsigned) {
			header.put("alg", "none");
		}
		else {
			header.put("alg", (this.hmacSecret != null) ? "HS256" : "RS256");
			if (kid != null && (this.hmacSecret == null || this.keyIdChanged)) {
				header.put("kid", kid);
			}
		}
		if (this.type != null) {
			header.put("typ", this.type);
		}
		String input = base64Url(Stubs.json(header)) + "." + base64Url(Stubs.json(this.claims));
		if (this.unsigned) {
			return input + ".";
		}
		return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sign(input));
	}

	private byte[] sign(String input) {
		byte[] bytes = input.getBytes(StandardCharsets.US_ASCII);
		try {
			if (this.hmacSecret != null) {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(this.hmacSecret, "HmacSHA256"));
				return mac.doFinal(bytes);
			}
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(this.key.toPrivateKey());
			signature.update(bytes);
			return signature.sign();
		}
		catch (GeneralSecurityException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String base64Url(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
