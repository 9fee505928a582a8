package io.myuser.autoconfigure.token;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing, plain-text or weak JWT signing secret (or an unusable key pair) and how to fix it. The
 * secret's value is never repeated in the report.
 */
public class InvalidSigningKeyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSigningKeyException> {

	private static final String REQUIREMENT = " It must be 'base64:' followed by the base64 of at least 256 bits "
			+ "(32 bytes) of random data.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSigningKeyException cause) {
		String description = switch (cause.getReason()) {
			case MISSING -> "MyUser cannot sign tokens: no JWT signing secret is configured "
					+ "(property 'myuser.token.signing.secret')." + REQUIREMENT;
			case PLAIN_TEXT -> "MyUser cannot sign tokens: the JWT signing secret "
					+ "('myuser.token.signing.secret') is plain text. A typed secret has far less than 256 bits of "
					+ "randomness, however long it is." + REQUIREMENT;
			case TOO_SHORT -> "MyUser cannot sign tokens: the JWT signing secret "
					+ "('myuser.token.signing.secret') is shorter than 256 bits (32 bytes). " + cause.getMessage()
					+ REQUIREMENT;
			case NOT_BASE64 -> "MyUser cannot sign tokens: the JWT signing secret "
					+ "('myuser.token.signing.secret') starts with 'base64:' but the rest is not valid base64."
					+ REQUIREMENT;
			case NOT_RANDOM -> "MyUser cannot sign tokens: the JWT signing secret "
					+ "('myuser.token.signing.secret') decodes to readable text or a few repeated byte values, "
					+ "not to random bytes." + REQUIREMENT;
			case MISSING_KEY_PAIR, UNSUPPORTED_ALGORITHM, INVALID_KEY ->
				"MyUser cannot sign tokens: " + cause.getMessage() + ".";
		};
		if (cause.getReason() == InvalidSigningKeyException.Reason.MISSING_KEY_PAIR
				|| cause.getReason() == InvalidSigningKeyException.Reason.UNSUPPORTED_ALGORITHM
				|| cause.getReason() == InvalidSigningKeyException.Reason.INVALID_KEY) {
			return new FailureAnalysis(description, "Set myuser.token.signing.algorithm to HS256 (with "
					+ "myuser.token.signing.secret) or to RS256/ES256 with myuser.token.signing.private-key-location, "
					+ "public-key-location (PEM, PKCS#8 and X.509) and key-id.", cause);
		}
		String action = "Set 'myuser.token.signing.secret' to 'base64:' followed by at least 32 random bytes in "
				+ "base64, as 'openssl rand -base64 32' prints them, for example from an environment variable: "
				+ "MYUSER_TOKEN_SIGNING_SECRET=base64:$(openssl rand -base64 32). "
				+ "Keep the same secret on every node and across restarts, or issued tokens stop working.";
		return new FailureAnalysis(description, action, cause);
	}

}
