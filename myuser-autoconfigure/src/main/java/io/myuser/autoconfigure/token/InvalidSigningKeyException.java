package io.myuser.autoconfigure.token;

/**
 * Thrown at startup when {@code myuser.token.signing.secret} is missing, not written as {@code base64:} random
 * bytes, or too weak, or when the key pair of RS256 or ES256 is unusable; turned into a readable
 * startup report by {@link InvalidSigningKeyFailureAnalyzer}.
 */
public class InvalidSigningKeyException extends RuntimeException {

	private final Reason reason;

	public InvalidSigningKeyException(Reason reason, @org.jspecify.annotations.Nullable String message) {
		super(message);
		this.reason = reason;
	}

	public Reason getReason() {
		return this.reason;
	}

	/**
	 * What is wrong with the secret.
	 */
	public enum Reason {

		/** No secret is configured. */
		MISSING,
		/** The secret is plain text rather than "base64:" followed by random bytes in base64. */
		PLAIN_TEXT,
		/** The secret has fewer than 256 bits. */
		TOO_SHORT,
		/** The secret says "base64:" but is not base64. */
		NOT_BASE64,
		/** The secret decodes to readable text or a few repeated byte values rather than random bytes. */
		NOT_RANDOM,
		/** RS256 or ES256 without a key pair or key id. */
		MISSING_KEY_PAIR,
		/** An algorithm other than HS256, RS256 and ES256. */
		UNSUPPORTED_ALGORITHM,
		/** A key file that cannot be read, a key of the wrong kind or size, or a private and public key that do not
		 * belong together. */
		INVALID_KEY

	}

}
