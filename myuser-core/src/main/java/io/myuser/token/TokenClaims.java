package io.myuser.token;

import java.time.Instant;
import java.util.UUID;

import org.springframework.util.Assert;

/**
 * What a MyUser JWT says.
 *
 * @param userId the user ({@code sub} and {@code user_id})
 * @param sessionId the session the token belongs to ({@code sid})
 * @param tokenId the unique token id ({@code jti})
 * @param type the token type ({@code token_type})
 * @param issuedAt when it was issued ({@code iat})
 * @param expiresAt when it expires ({@code exp})
 */
public record TokenClaims(UUID userId, UUID sessionId, String tokenId, TokenType type, Instant issuedAt,
		Instant expiresAt) {

	public TokenClaims {
		Assert.notNull(userId, "userId cannot be null");
		Assert.notNull(sessionId, "sessionId cannot be null");
		Assert.hasText(tokenId, "tokenId cannot be empty");
		Assert.notNull(type, "type cannot be null");
		Assert.notNull(issuedAt, "issuedAt cannot be null");
		Assert.notNull(expiresAt, "expiresAt cannot be null");
	}

}
