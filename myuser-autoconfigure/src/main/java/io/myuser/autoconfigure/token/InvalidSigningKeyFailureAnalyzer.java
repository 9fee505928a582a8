package io.myuser.autoconfigure.token;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing or weak JWT signing secret and how to fix it.
 */
public class InvalidSigningKeyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSigningKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSigningKeyException cause) {
		String description = switch (cause.getReason()) {
			case MISSING -> "MyUser cannot sign tokens: no JWT signing secret is configured "
					+ "(property 'myuser.token.signing.secret'). A secret of at least 256 bits (32 bytes) is required.";
			case TOO_SHORT -> "MyUser cannot sign tokens: the JWT signing secret "
					+ "('myuser.token.signing.secret') is shorter than 256 bits (32 bytes). " + cause.getMessage();
			case NOT_BASE64 -> "MyUser cannot sign tokens: the JWT signing secret "
					+ "('myuser.token.signing.secret') starts with 'base64:' but the rest is not valid base64. "
					+ "A secret of at least 256 bits (32 bytes) is required.";
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
		String action = "Set 'myuser.token.signing.secret' to at least 32 random bytes, for example from an "
				+ "environment variable: MYUSER_TOKEN_SIGNING_SECRET=base64:$(openssl rand -base64 32). "
				+ "Keep the same secret on every node and across restarts, or issued tokens stop working.";
		return new FailureAnalysis(description, action, cause);
	}

}
