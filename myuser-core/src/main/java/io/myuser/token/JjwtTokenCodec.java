package io.myuser.token;

import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKey;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * The default {@link TokenCodec}: HS256 JWTs signed and verified with jjwt. Tokens signed with any other algorithm,
 * unsigned tokens ({@code alg: none}), encrypted tokens and tokens without the MyUser claims are refused.
 */
public final class JjwtTokenCodec implements TokenCodec {

	/** Smallest HS256 secret accepted, in bytes (256 bits). */
	public static final int MIN_SECRET_BYTES = 32;

	static final String CLAIM_USER_ID = "user_id";

	static final String CLAIM_SESSION_ID = "sid";

	static final String CLAIM_TOKEN_TYPE = "token_type";

	private static final String ALGORITHM = "HS256";

	private final SecretKey key;

	private final @Nullable String keyId;

	private final TokenSettings settings;

	private final JacksonJwtSerializer serializer;

	private final JwtParser parser;

	/**
	 * Create a codec.
	 * @param secret the HS256 secret, at least {@value #MIN_SECRET_BYTES} bytes
	 * @param keyId the {@code kid} to write in headers, or {@code null}
	 * @param settings issuer, audience and leeway
	 * @param jsonMapper the JSON mapper
	 * @param clock the clock against which expiry is checked
	 */
	public JjwtTokenCodec(byte[] secret, @Nullable String keyId, TokenSettings settings, JsonMapper jsonMapper,
			Clock clock) {
		Assert.notNull(secret, "secret cannot be null");
		Assert.isTrue(secret.length >= MIN_SECRET_BYTES,
				() -> "secret must be at least " + (MIN_SECRET_BYTES * 8) + " bits");
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(jsonMapper, "jsonMapper cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.key = Keys.hmacShaKeyFor(secret);
		this.keyId = keyId;
		this.settings = settings;
		this.serializer = new JacksonJwtSerializer(jsonMapper);
		JwtParserBuilder builder = Jwts.parser()
			.verifyWith(this.key)
			.json(new JacksonJwtDeserializer(jsonMapper))
			.clock(() -> Date.from(clock.instant()))
			.clockSkewSeconds(settings.clockSkew().toSeconds());
		if (settings.issuer() != null) {
			builder.requireIssuer(settings.issuer());
		}
		if (settings.audience() != null) {
			builder.requireAudience(settings.audience());
		}
		this.parser = builder.build();
	}

	@Override
	public String encode(TokenClaims claims) {
		Assert.notNull(claims, "claims cannot be null");
		JwtBuilder builder = Jwts.builder().json(this.serializer);
		if (this.keyId != null) {
			builder.header().keyId(this.keyId).and();
		}
		builder.subject(claims.userId().toString())
			.claim(CLAIM_USER_ID, claims.userId().toString())
			.claim(CLAIM_SESSION_ID, claims.sessionId().toString())
			.claim(CLAIM_TOKEN_TYPE, claims.type().claimValue())
			.id(claims.tokenId())
			.issuedAt(Date.from(claims.issuedAt()))
			.expiration(Date.from(claims.expiresAt()));
		if (this.settings.issuer() != null) {
			builder.issuer(this.settings.issuer());
		}
		if (this.settings.audience() != null) {
			builder.audience().add(this.settings.audience()).and();
		}
		return builder.signWith(this.key, Jwts.SIG.HS256).compact();
	}

	@Override
	public TokenClaims decode(String token, TokenType expectedType) {
		Assert.notNull(expectedType, "expectedType cannot be null");
		if (token == null || token.isBlank() || token.length() > 8192) {
			throw new InvalidTokenException("Token is malformed");
		}
		Jws<Claims> jws;
		try {
			jws = this.parser.parseSignedClaims(token);
		}
		catch (ExpiredJwtException ex) {
			throw new InvalidTokenException("Token has expired", ex);
		}
		catch (JwtException | IllegalArgumentException | ClassCastException ex) {
			throw new InvalidTokenException("Token is invalid", ex);
		}
		if (!ALGORITHM.equals(jws.getHeader().getAlgorithm())) {
			throw new InvalidTokenException("Token is invalid");
		}
		Claims claims = jws.getPayload();
		String type = stringClaim(claims, CLAIM_TOKEN_TYPE);
		if (!expectedType.claimValue().equals(type)) {
			throw new InvalidTokenException("Token has the wrong type");
		}
		UUID userId = uuid(claims.getSubject());
		if (!userId.toString().equals(stringClaim(claims, CLAIM_USER_ID))) {
			throw new InvalidTokenException("Token is invalid");
		}
		if (claims.getIssuedAt() == null || claims.getExpiration() == null || claims.getId() == null) {
			throw new InvalidTokenException("Token is invalid");
		}
		return new TokenClaims(userId, uuid(stringClaim(claims, CLAIM_SESSION_ID)), claims.getId(), expectedType,
				claims.getIssuedAt().toInstant(), claims.getExpiration().toInstant());
	}

	private static @Nullable String stringClaim(Map<String, ?> claims, String name) {
		Object value = claims.get(name);
		return (value instanceof String text) ? text : null;
	}

	private static UUID uuid(@Nullable String value) {
		if (value == null || value.length() != 36) {
			throw new InvalidTokenException("Token is invalid");
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTokenException("Token is invalid", ex);
		}
	}

}
