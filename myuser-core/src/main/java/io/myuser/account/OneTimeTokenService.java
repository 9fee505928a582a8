package io.myuser.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.myuser.support.SecretTokens;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Issues and consumes the tokens that email links carry. A token has 256 random bits, is stored as its SHA-256
 * hash only, expires, and works once; issuing a new one retires the user's earlier tokens of the same purpose.
 * Tokens are issued when the email is sent (by the mail job), so the token never waits in the database in clear.
 */
public class OneTimeTokenService {

	private final OneTimeTokenRepository tokens;

	private final Clock clock;

	public OneTimeTokenService(OneTimeTokenRepository tokens, Clock clock) {
		Assert.notNull(tokens, "tokens cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * Issue a token.
	 * @param userId the user
	 * @param email the address the token is sent to
	 * @param purpose what it is good for
	 * @param timeToLive how long it works
	 * @return the token, to put in a link; it is not stored
	 */
	@Transactional
	public IssuedToken issue(UUID userId, String email, OneTimeTokenPurpose purpose, Duration timeToLive) {
		Assert.notNull(timeToLive, "timeToLive cannot be null");
		return issue(userId, email, purpose, this.clock.instant().plus(timeToLive), "");
	}

	/**
	 * Issue a token that expires at a given time and starts with a given prefix. The prefix lets the consumer tell
	 * what the token is about (a data request, say) before using it; the stored hash covers the whole token, so a
	 * token whose prefix was changed is unknown.
	 * @param userId the user
	 * @param email the address the token is sent to
	 * @param purpose what it is good for
	 * @param expiresAt when it stops working
	 * @param prefix up to 64 base64url characters put in front of the token's 256 random bits, or empty
	 * @return the token, to put in a link; it is not stored
	 */
	@Transactional
	public IssuedToken issue(UUID userId, String email, OneTimeTokenPurpose purpose, Instant expiresAt,
			String prefix) {
		Assert.notNull(userId, "userId cannot be null");
		Assert.hasText(email, "email cannot be empty");
		Assert.notNull(purpose, "purpose cannot be null");
		Assert.notNull(expiresAt, "expiresAt cannot be null");
		Assert.isTrue(prefix != null && prefix.matches("[A-Za-z0-9_-]{0,64}"),
				"prefix must be at most 64 base64url characters");
		Instant now = this.clock.instant();
		this.tokens.retireAll(userId, purpose, now);
		String token = prefix + SecretTokens.generate();
		this.tokens.save(new OneTimeToken(userId, purpose, SecretTokens.hash(token), email, expiresAt));
		return new IssuedToken(token, expiresAt);
	}

	/**
	 * Use a token, in the caller's transaction.
	 * @param token the token from the link
	 * @param purpose the purpose it must have
	 * @return the token's row when it was valid, unused and unexpired (and is now used), else empty
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<OneTimeToken> consume(String token, OneTimeTokenPurpose purpose) {
		Assert.notNull(purpose, "purpose cannot be null");
		if (token == null || token.isBlank() || token.length() > 256) {
			return Optional.empty();
		}
		String hash = SecretTokens.hash(token);
		if (this.tokens.markUsed(hash, purpose, this.clock.instant()) != 1) {
			return Optional.empty();
		}
		return this.tokens.findByTokenHash(hash);
	}

	/**
	 * A token just issued.
	 *
	 * @param token the token
	 * @param expiresAt when it stops working
	 */
	public record IssuedToken(String token, Instant expiresAt) {
	}

}
