package io.myuser.token;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * @param authorities what the bearer of an access token may do besides {@code ROLE_USER} ({@code authorities});
 * empty for refresh tokens and for access tokens issued before MyUser wrote the claim
 * @param extraClaims claims an {@link AccessTokenCustomizer} added, written into the token for the host's other
 * services; MyUser does not read them back, so a decoded token has none
 */
public record TokenClaims(UUID userId, UUID sessionId, String tokenId, TokenType type, Instant issuedAt,
		Instant expiresAt, List<String> authorities, Map<String, Object> extraClaims) {

	/** The claim that lists an access token's authorities. */
	public static final String CLAIM_AUTHORITIES = "authorities";

	/**
	 * The claims MyUser writes and reads itself, which no {@link AccessTokenCustomizer} may set: {@code sub},
	 * {@code user_id}, {@code sid}, {@code jti}, {@code iat}, {@code exp}, {@code nbf}, {@code iss}, {@code aud},
	 * {@code token_type} and {@code authorities}.
	 */
	public static final Set<String> REGISTERED_CLAIMS = Set.of("sub", "user_id", "sid", "jti", "iat", "exp", "nbf",
			"iss", "aud", "token_type", CLAIM_AUTHORITIES);

	public TokenClaims {
		Assert.notNull(userId, "userId cannot be null");
		Assert.notNull(sessionId, "sessionId cannot be null");
		Assert.hasText(tokenId, "tokenId cannot be empty");
		Assert.notNull(type, "type cannot be null");
		Assert.notNull(issuedAt, "issuedAt cannot be null");
		Assert.notNull(expiresAt, "expiresAt cannot be null");
		Assert.notNull(authorities, "authorities cannot be null");
		Assert.notNull(extraClaims, "extraClaims cannot be null");
		authorities = List.copyOf(authorities);
		extraClaims = Map.copyOf(extraClaims);
		for (String name : extraClaims.keySet()) {
			Assert.isTrue(!REGISTERED_CLAIMS.contains(name),
					() -> "Claim '" + name + "' is MyUser's own and cannot be set as an extra claim");
		}
	}

	/**
	 * Claims with no authorities and no extra claims: every refresh token, and an access token of an account that
	 * has none.
	 * @param userId the user
	 * @param sessionId the session
	 * @param tokenId the unique token id
	 * @param type the token type
	 * @param issuedAt when it was issued
	 * @param expiresAt when it expires
	 */
	public TokenClaims(UUID userId, UUID sessionId, String tokenId, TokenType type, Instant issuedAt,
			Instant expiresAt) {
		this(userId, sessionId, tokenId, type, issuedAt, expiresAt, List.of(), Map.of());
	}

}
