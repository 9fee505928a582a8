package io.myuser.social.provider;

import java.time.Instant;

/**
 * Remembers the id_tokens already used, so that each logs in once: a token copied from a log, a proxy or
 * another application's backend cannot be replayed. The default store is a table shared by every node.
 */
public interface IdTokenReplayStore {

	/**
	 * Mark a token used.
	 * @param tokenHash a hash naming the token (of its issuer and {@code jti}, or of the whole token)
	 * @param expiresAt when the token expires, after which it can be forgotten
	 * @return {@code true} if it was not used before; {@code false} for a replay
	 */
	boolean markUsed(String tokenHash, Instant expiresAt);

	/**
	 * Forget the tokens that expired.
	 * @param now the time
	 * @return how many were forgotten
	 */
	int forgetExpired(Instant now);

}
