package io.myuser.token;

import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;

import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.Keys;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The keys tokens are signed and verified with: one current signing key and, after a key rotation, the public
 * keys of previous key pairs, still accepted (and published) until the tokens they signed have expired.
 * Supported algorithms: HS256 (a shared secret, the default), RS256 and ES256 (a key pair whose public key is
 * published as a JWK set).
 */
public final class JwtKeys {

	/** HMAC with SHA-256. */
	public static final String HS256 = "HS256";

	/** RSASSA-PKCS1-v1_5 with SHA-256. */
	public static final String RS256 = "RS256";

	/** ECDSA on P-256 with SHA-256. */
	public static final String ES256 = "ES256";

	private final String algorithm;

	private final @Nullable String keyId;

	private final Key signingKey;

	private final Map<String, Entry> verification;

	private JwtKeys(String algorithm, @Nullable String keyId, Key signingKey, Map<String, Entry> verification) {
		this.algorithm = algorithm;
		this.keyId = keyId;
		this.signingKey = signingKey;
		this.verification = verification;
	}

	/**
	 * No keys of MyUser's own, for when the host signs tokens with its own {@link TokenCodec}: nothing is
	 * published and nothing verifies.
	 * @return empty keys
	 */
	public static JwtKeys none() {
		return new JwtKeys("none", null, new javax.crypto.spec.SecretKeySpec(new byte[] { 0 }, "none"),
				new LinkedHashMap<>());
	}

	/**
	 * HS256 keys from a shared secret.
	 * @param secret at least 32 bytes
	 * @param keyId the {@code kid} to write, or {@code null}
	 * @return the keys
	 */
	public static JwtKeys hmac(byte[] secret, @Nullable String keyId) {
		Assert.notNull(secret, "secret cannot be null");
		Assert.isTrue(secret.length >= JjwtTokenCodec.MIN_SECRET_BYTES, "secret must be at least 256 bits");
		SecretKey key = Keys.hmacShaKeyFor(secret);
		Map<String, Entry> verification = new LinkedHashMap<>();
		verification.put(kidKey(keyId), new Entry(HS256, key, null));
		return new JwtKeys(HS256, keyId, key, verification);
	}

	/**
	 * RS256 or ES256 keys from a key pair.
	 * @param algorithm {@value #RS256} or {@value #ES256}
	 * @param privateKey the signing key
	 * @param publicKey its public key, published in the JWK set
	 * @param keyId the {@code kid}, required so verifiers can pick the key after a rotation
	 * @return the keys
	 */
	public static JwtKeys asymmetric(String algorithm, PrivateKey privateKey, PublicKey publicKey, String keyId) {
		Assert.notNull(privateKey, "privateKey cannot be null");
		Assert.hasText(keyId, "keyId cannot be empty for " + algorithm);
		checkPublicKey(algorithm, publicKey);
		checkPair(algorithm, privateKey, publicKey);
		Map<String, Entry> verification = new LinkedHashMap<>();
		verification.put(keyId, new Entry(algorithm, publicKey, publicKey));
		return new JwtKeys(algorithm, keyId, privateKey, verification);
	}

	/**
	 * Also accept (and publish) the public key of a previous key pair.
	 * @param algorithm the algorithm that key signed with
	 * @param keyId its {@code kid}
	 * @param publicKey the public key
	 * @return new keys
	 */
	public JwtKeys withPreviousKey(String algorithm, String keyId, PublicKey publicKey) {
		Assert.hasText(keyId, "keyId cannot be empty");
		checkPublicKey(algorithm, publicKey);
		Assert.isTrue(!this.verification.containsKey(keyId), () -> "key id '" + keyId + "' is used twice");
		Map<String, Entry> verification = new LinkedHashMap<>(this.verification);
		verification.put(keyId, new Entry(algorithm, publicKey, publicKey));
		return new JwtKeys(this.algorithm, this.keyId, this.signingKey, verification);
	}

	/**
	 * Return the algorithm new tokens are signed with.
	 * @return the JWS algorithm name
	 */
	public String algorithm() {
		return this.algorithm;
	}

	@Nullable String keyId() {
		return this.keyId;
	}

	Key signingKey() {
		return this.signingKey;
	}

	/**
	 * Find the key for a token header. A token without {@code kid} may only use the current key.
	 * @param keyId the header's {@code kid}
	 * @param headerAlgorithm the header's {@code alg}
	 * @return the key, or {@code null} when none matches both
	 */
	@Nullable Key verificationKey(@Nullable String keyId, @Nullable String headerAlgorithm) {
		Entry entry = (keyId != null) ? this.verification.get(keyId) : this.verification.get(kidKey(this.keyId));
		if (entry == null || headerAlgorithm == null || !entry.algorithm().equals(headerAlgorithm)) {
			return null;
		}
		return entry.key();
	}

	/**
	 * Return the public keys as JWKs (RFC 7517), current key first; empty for HS256.
	 * @return the JWKs, each a JSON object
	 */
	public List<Map<String, Object>> publicJwks() {
		List<Map<String, Object>> jwks = new ArrayList<>();
		this.verification.forEach((kid, entry) -> {
			if (entry.publicKey() != null) {
				Map<String, Object> jwk = new LinkedHashMap<>(
						Jwks.builder().key(entry.publicKey()).id(kid).algorithm(entry.algorithm()).build());
				jwk.put("use", "sig");
				jwks.add(Collections.unmodifiableMap(jwk));
			}
		});
		return List.copyOf(jwks);
	}

	private static String kidKey(@Nullable String keyId) {
		return (keyId != null) ? keyId : "";
	}

	private static void checkPair(String algorithm, PrivateKey privateKey, PublicKey publicKey) {
		String jca = RS256.equals(algorithm) ? "SHA256withRSA" : "SHA256withECDSA";
		byte[] probe = "myuser-key-pair-check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		try {
			java.security.Signature signer = java.security.Signature.getInstance(jca);
			signer.initSign(privateKey);
			signer.update(probe);
			byte[] signature = signer.sign();
			java.security.Signature verifier = java.security.Signature.getInstance(jca);
			verifier.initVerify(publicKey);
			verifier.update(probe);
			Assert.isTrue(verifier.verify(signature), "the private key and the public key are not a pair");
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalArgumentException("the private key does not fit " + algorithm + ": " + ex.getMessage(), ex);
		}
	}

	private static void checkPublicKey(String algorithm, PublicKey publicKey) {
		Assert.notNull(publicKey, "publicKey cannot be null");
		if (RS256.equals(algorithm)) {
			Assert.isTrue(publicKey instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= 2048,
					"RS256 needs an RSA key of at least 2048 bits");
		}
		else if (ES256.equals(algorithm)) {
			Assert.isTrue(publicKey instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256,
					"ES256 needs an EC key on P-256");
		}
		else {
			throw new IllegalArgumentException("Unsupported algorithm '" + algorithm + "': use RS256 or ES256");
		}
	}

	private record Entry(String algorithm, Key key, @Nullable PublicKey publicKey) {
	}

}
