package io.myuser.autoconfigure.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.myuser.autoconfigure.token.InvalidSigningKeyException.Reason;
import io.myuser.token.JjwtTokenCodec;
import io.myuser.token.JwtKeys;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code myuser.token.signing.secret} into key bytes.
 */
final class SigningSecrets {

	static JwtKeys keys(MyUserTokenProperties.Signing signing) {
		try {
			return readKeys(signing);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new InvalidSigningKeyException(Reason.INVALID_KEY, ex.getMessage());
		}
	}

	private static JwtKeys readKeys(MyUserTokenProperties.Signing signing) {
		String algorithm = signing.getAlgorithm();
		JwtKeys keys;
		if (JwtKeys.HS256.equals(algorithm)) {
			keys = JwtKeys.hmac(decode(signing.getSecret()), signing.getKeyId());
		}
		else if (JwtKeys.RS256.equals(algorithm) || JwtKeys.ES256.equals(algorithm)) {
			if (signing.getPrivateKeyLocation() == null || signing.getPublicKeyLocation() == null) {
				throw new InvalidSigningKeyException(Reason.MISSING_KEY_PAIR, algorithm
						+ " needs myuser.token.signing.private-key-location and public-key-location");
			}
			if (signing.getKeyId() == null || signing.getKeyId().isBlank()) {
				throw new InvalidSigningKeyException(Reason.MISSING_KEY_PAIR,
						algorithm + " needs myuser.token.signing.key-id");
			}
			keys = JwtKeys.asymmetric(algorithm, PemKeys.privateKey(signing.getPrivateKeyLocation(), algorithm),
					PemKeys.publicKey(signing.getPublicKeyLocation(), algorithm), signing.getKeyId());
		}
		else {
			throw new InvalidSigningKeyException(Reason.UNSUPPORTED_ALGORITHM,
					"Unsupported algorithm '" + algorithm + "'");
		}
		for (MyUserTokenProperties.PreviousKey previous : signing.getPreviousKeys()) {
			if (previous.getKeyId() == null || previous.getPublicKeyLocation() == null) {
				throw new InvalidSigningKeyException(Reason.MISSING_KEY_PAIR,
						"each myuser.token.signing.previous-keys entry needs key-id and public-key-location");
			}
			keys = keys.withPreviousKey(previous.getAlgorithm(), previous.getKeyId(),
					PemKeys.publicKey(previous.getPublicKeyLocation(), previous.getAlgorithm()));
		}
		return keys;
	}

	private static final String BASE64_PREFIX = "base64:";

	private SigningSecrets() {
	}

	static byte[] decode(@Nullable String secret) {
		if (secret == null || secret.isBlank()) {
			throw new InvalidSigningKeyException(Reason.MISSING, "No JWT signing secret is configured");
		}
		byte[] bytes;
		if (secret.startsWith(BASE64_PREFIX)) {
			try {
				bytes = Base64.getDecoder().decode(secret.substring(BASE64_PREFIX.length()).strip());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidSigningKeyException(Reason.NOT_BASE64, "The JWT signing secret is not valid base64");
			}
		}
		else {
			bytes = secret.getBytes(StandardCharsets.UTF_8);
		}
		if (bytes.length < JjwtTokenCodec.MIN_SECRET_BYTES) {
			throw new InvalidSigningKeyException(Reason.TOO_SHORT,
					"It has " + (bytes.length * 8) + " bits; at least 256 are required.");
		}
		return bytes;
	}

}
