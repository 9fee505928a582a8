package io.myuser.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import io.myuser.support.SecretTokens;
import io.myuser.support.persistence.RetryingTransactions;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Issues and consumes the tokens that email links carry. A token has 256 random bits, is stored as its SHA-256
 * hash only, expires, and works once; issuing a new one retires the user's earlier tokens of the same purpose.
 * Tokens are issued when the email is sent (by the mail job), so the token never waits in the database in clear.
 */
public class EmailLinkTokenService {

	private final EmailLinkTokenRepository tokens;

	private final UserRepository users;

	private final RetryingTransactions transactions;

	private final Clock clock;

	public EmailLinkTokenService(EmailLinkTokenRepository tokens, UserRepository users,
			PlatformTransactionManager transactionManager, Clock clock) {
		Assert.notNull(tokens, "tokens cannot be null");
		Assert.notNull(users, "users cannot be null");
		Assert.notNull(transactionManager, "transactionManager cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.tokens = tokens;
		this.users = users;
		this.transactions = new RetryingTransactions(transactionManager);
		this.clock = clock;
	}

	/**
	 * Issue a token, under the account's lock: a token is never issued for an account erased meanwhile (whose
	 * address it would keep), nor for an address the account no longer has.
	 * @param userId the user
	 * @param email the address the token is sent to
	 * @param purpose what it is good for
	 * @param timeToLive how long it works
	 * @return the token, to put in a link (it is not stored), or empty when the account is gone or has another
	 * address
	 */
	public Optional<IssuedToken> issue(UUID userId, String email, EmailLinkTokenPurpose purpose, Duration timeToLive) {
		Assert.notNull(timeToLive, "timeToLive cannot be null");
		return issue(userId, email, purpose, this.clock.instant().plus(timeToLive), "");
	}

	/**
	 * Issue a token that expires at a given time and starts with a given prefix, under the account's lock. The
	 * prefix lets the consumer tell what the token is about (a data request, say) before using it; the stored hash
	 * covers the whole token, so a token whose prefix was changed is unknown.
	 * @param userId the user
	 * @param email the address the token is sent to
	 * @param purpose what it is good for
	 * @param expiresAt when it stops working
	 * @param prefix up to 64 base64url characters put in front of the token's 256 random bits, or empty
	 * @return the token, to put in a link (it is not stored), or empty when the account is gone or has another
	 * address
	 */
	public Optional<IssuedToken> issue(UUID userId, String email, EmailLinkTokenPurpose purpose, Instant expiresAt,
			String prefix) {
		Assert.notNull(userId, "userId cannot be null");
		Assert.hasText(email, "email cannot be empty");
		Assert.notNull(purpose, "purpose cannot be null");
		Assert.notNull(expiresAt, "expiresAt cannot be null");
		Assert.isTrue(prefix != null && prefix.matches("[A-Za-z0-9_-]{0,64}"),
				"prefix must be at most 64 base64url characters");
		Instant expiry = expiresAt.truncatedTo(ChronoUnit.MICROS);
		return this.transactions.execute(() -> {
			Optional<User> user = this.users.lockLive(userId)
				.filter((candidate) -> EmailAddresses.canonicalize(candidate.getEmail())
					.equals(EmailAddresses.canonicalize(email)));
			if (user.isEmpty()) {
				return Optional.empty();
			}
			this.tokens.retireAll(userId, purpose, this.clock.instant());
			String token = prefix + SecretTokens.generate();
			this.tokens.save(new EmailLinkToken(userId, purpose, SecretTokens.hash(token), email, expiry));
			return Optional.of(new IssuedToken(token, expiry));
		});
	}

	/**
	 * Look a token up without using it.
	 * @param token the token from the link
	 * @param purpose the purpose it must have
	 * @return the token's row when it is valid, unused and unexpired, else empty
	 */
	public Optional<EmailLinkToken> find(String token, EmailLinkTokenPurpose purpose) {
		Assert.notNull(purpose, "purpose cannot be null");
		if (token == null || token.isBlank() || token.length() > 256) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.transactions.read(() -> this.tokens.findByTokenHash(SecretTokens.hash(token))
			.filter((row) -> row.getPurpose() == purpose && row.getUsedAt() == null && row.getExpiresAt().isAfter(now)));
	}

	/**
	 * Use a token, in the caller's transaction.
	 * @param token the token from the link
	 * @param purpose the purpose it must have
	 * @return the token's row when it was valid, unused and unexpired (and is now used), else empty
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<EmailLinkToken> consume(String token, EmailLinkTokenPurpose purpose) {
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
	 * Use a token, in the caller's transaction, as {@link #consume} does, and return whose it was.
	 * @param token the token from the link
	 * @param purpose the purpose it must have
	 * @return the id of the account it was issued to when it was valid, unused and unexpired (and is now used),
	 * else empty
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<UUID> consumeForOwner(String token, EmailLinkTokenPurpose purpose) {
		return consume(token, purpose).map(EmailLinkToken::getUserId);
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
