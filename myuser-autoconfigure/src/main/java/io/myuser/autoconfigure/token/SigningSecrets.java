package io.myuser.autoconfigure.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.myuser.autoconfigure.token.InvalidSigningKeyException.Reason;
import io.myuser.token.JjwtTokenCodec;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code myuser.token.signing.secret} into key bytes.
 */
final class SigningSecrets {

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
