package io.myuser.autoconfigure.token;

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

	/** Fewest distinct byte values 32 random bytes may show; they show about 30, fewer than 16 almost never. */
	private static final int MIN_DISTINCT_BYTES = 16;

	private SigningSecrets() {
	}

	/**
	 * Read the secret: {@code base64:} followed by the standard base64 of at least 32 bytes (white space inside
	 * is ignored, so a wrapped value works). Plain text is refused, and so are bytes that are plainly not random:
	 * readable text encoded in base64, or a handful of byte values repeated.
	 * @param secret the property value
	 * @return the key bytes
	 * @throws InvalidSigningKeyException if the secret is missing, plain text, not base64, too short or not random
	 */
	static byte[] decode(@Nullable String secret) {
		if (secret == null || secret.isBlank()) {
			throw new InvalidSigningKeyException(Reason.MISSING, "No JWT signing secret is configured");
		}
		String value = secret.strip();
		if (!value.startsWith(BASE64_PREFIX)) {
			throw new InvalidSigningKeyException(Reason.PLAIN_TEXT,
					"The JWT signing secret is plain text, not base64: followed by random bytes in base64");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(withoutWhitespace(value.substring(BASE64_PREFIX.length())));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSigningKeyException(Reason.NOT_BASE64, "The JWT signing secret is not valid base64");
		}
		if (bytes.length < JjwtTokenCodec.MIN_SECRET_BYTES) {
			throw new InvalidSigningKeyException(Reason.TOO_SHORT,
					"It has " + (bytes.length * 8) + " bits; at least 256 are required.");
		}
		if (isText(bytes) || distinctValues(bytes) < MIN_DISTINCT_BYTES) {
			throw new InvalidSigningKeyException(Reason.NOT_RANDOM,
					"The JWT signing secret decodes to readable text or a few repeated byte values, not random bytes");
		}
		return bytes;
	}

	private static String withoutWhitespace(String text) {
		StringBuilder builder = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
				builder.append(c);
			}
		}
		return builder.toString();
	}

	/**
	 * Whether every byte is printable ASCII or a line break: true for text run through base64, and for 32 random
	 * bytes with a probability below 10^-13.
	 */
	private static boolean isText(byte[] bytes) {
		for (byte b : bytes) {
			if ((b < 0x20 || b > 0x7e) && b != '\t' && b != '\n' && b != '\r') {
				return false;
			}
		}
		return true;
	}

	private static int distinctValues(byte[] bytes) {
		boolean[] seen = new boolean[256];
		int distinct = 0;
		for (byte b : bytes) {
			if (!seen[b & 0xff]) {
				seen[b & 0xff] = true;
				distinct++;
			}
		}
		return distinct;
	}

}
