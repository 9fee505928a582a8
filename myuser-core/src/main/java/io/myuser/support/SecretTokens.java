package io.myuser.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.util.Assert;

/**
 * Secret tokens handed to clients (refresh, verification, reset and download tokens) and the hashes under which
 * they are stored. Only {@link #hash(String)} of a token ever reaches the database.
 */
public final class SecretTokens {

	/** Bytes of randomness in a generated token: 256 bits. */
	public static final int TOKEN_BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	private SecretTokens() {
	}

	/**
	 * Generate a URL-safe token carrying {@value #TOKEN_BYTES} random bytes.
	 * @return a base64url token without padding
	 */
	public static String generate() {
		byte[] bytes = new byte[TOKEN_BYTES];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Hash a token for storage and lookup.
	 * @param token the token a client holds
	 * @return the lower-case hex SHA-256 of the token's UTF-8 bytes (64 characters)
	 */
	public static String hash(String token) {
		Assert.notNull(token, "token cannot be null");
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
