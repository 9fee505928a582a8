package io.myuser.token;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.security.Key;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * The default {@link TokenCodec}: JWTs signed and verified with jjwt, with the keys of {@link JwtKeys} (HS256 by
 * default, RS256 or ES256 with a key pair). The key is chosen by the token's {@code kid} and must match the
 * token's {@code alg}; unsigned tokens ({@code alg: none}), algorithm confusion, encrypted tokens and tokens
 * without the MyUser claims are refused. Tokens are explicitly typed (RFC 8725 section 3.11): the header
 * {@code typ} is {@code at+jwt} for access tokens (RFC 9068) and {@code rt+jwt} for refresh tokens, and a token is
 * accepted only when both its {@code typ} and its {@code token_type} claim name the type the caller expects.
 */
public final class JjwtTokenCodec implements TokenCodec {

	/** Smallest HS256 secret accepted, in bytes (256 bits). */
	public static final int MIN_SECRET_BYTES = 32;

	static final String CLAIM_USER_ID = "user_id";

	static final String CLAIM_SESSION_ID = "sid";

	static final String CLAIM_TOKEN_TYPE = "token_type";

	static final String HEADER_TYPE = "typ";

	/** Exactly three base64url segments: one spelling per token, nothing trailing. */
	private static final java.util.regex.Pattern COMPACT_JWS = java.util.regex.Pattern
		.compile("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$");

	private final JwtKeys keys;

	private final Clock clock;

	private final JwtSettings settings;

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
	public JjwtTokenCodec(byte[] secret, @Nullable String keyId, JwtSettings settings, JsonMapper jsonMapper,
			Clock clock) {
		this(hmacKeys(secret, keyId), settings, jsonMapper, clock);
	}

	/**
	 * Create a codec.
	 * @param keys the signing key and the keys accepted for verification
	 * @param settings issuer, audience and leeway
	 * @param jsonMapper the JSON mapper
	 * @param clock the clock against which expiry is checked
	 */
	public JjwtTokenCodec(JwtKeys keys, JwtSettings settings, JsonMapper jsonMapper, Clock clock) {
		Assert.notNull(keys, "keys cannot be null");
		Assert.notNull(settings, "settings cannot be null");
		Assert.notNull(jsonMapper, "jsonMapper cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		this.keys = keys;
		this.clock = clock;
		this.settings = settings;
		this.serializer = new JacksonJwtSerializer(jsonMapper);
		JwtParserBuilder builder = Jwts.parser()
			.keyLocator(new LocatorAdapter<Key>() {
				@Override
				protected @Nullable Key locate(JwsHeader header) {
					Key key = keys.verificationKey(header.getKeyId(), header.getAlgorithm());
					if (key == null) {
						throw new InvalidTokenException("Token is invalid");
					}
					return key;
				}
			})
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
		builder.header().type(claims.type().headerType()).and();
		if (this.keys.keyId() != null) {
			builder.header().keyId(this.keys.keyId()).and();
		}
		builder.subject(claims.userId().toString())
			.claim(CLAIM_USER_ID, claims.userId().toString())
			.claim(CLAIM_SESSION_ID, claims.sessionId().toString())
			.claim(CLAIM_TOKEN_TYPE, claims.type().claimValue())
			.id(claims.tokenId())
			.issuedAt(Date.from(claims.issuedAt()))
			.expiration(Date.from(claims.expiresAt()));
		if (!claims.authorities().isEmpty()) {
			builder.claim(TokenClaims.CLAIM_AUTHORITIES, claims.authorities());
		}
		// TokenClaims refuses extra claims under MyUser's own names, so none of these overwrites one of them.
		claims.extraClaims().forEach(builder::claim);
		if (this.settings.issuer() != null) {
			builder.issuer(this.settings.issuer());
		}
		if (this.settings.audience() != null) {
			builder.audience().single(this.settings.audience());
		}
		return builder.signWith(this.keys.signingKey(), signatureAlgorithm(this.keys.algorithm())).compact();
	}

	@Override
	public TokenClaims decode(String token, TokenType expectedType) {
		Assert.notNull(expectedType, "expectedType cannot be null");
		if (token == null || token.length() > 8192 || !COMPACT_JWS.matcher(token).matches()) {
			throw new InvalidTokenException("Token is malformed");
		}
		Jws<Claims> jws;
		try {
			jws = this.parser.parseSignedClaims(token);
		}
		catch (ExpiredJwtException ex) {
			throw new InvalidTokenException("Token has expired", ex);
		}
		catch (InvalidTokenException ex) {
			throw ex;
		}
		catch (JwtException | IllegalArgumentException | ClassCastException ex) {
			throw new InvalidTokenException("Token is invalid", ex);
		}
		if (!expectedType.matchesHeaderType(stringClaim(jws.getHeader(), HEADER_TYPE))) {
			throw new InvalidTokenException("Token has the wrong type");
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
		if (claims.getIssuedAt().toInstant().isAfter(this.clock.instant().plus(this.settings.clockSkew()))) {
			throw new InvalidTokenException("Token is not valid yet");
		}
		return new TokenClaims(userId, uuid(stringClaim(claims, CLAIM_SESSION_ID)), claims.getId(), expectedType,
				claims.getIssuedAt().toInstant(), claims.getExpiration().toInstant(), authorities(claims), Map.of());
	}

	/**
	 * Read the {@code authorities} claim: absent (a token issued before MyUser wrote it, or one with none) means
	 * none; anything but an array of non-empty strings makes the token invalid.
	 */
	private static List<String> authorities(Claims claims) {
		Object value = claims.get(TokenClaims.CLAIM_AUTHORITIES);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof Collection<?> items)) {
			throw new InvalidTokenException("Token is invalid");
		}
		List<String> authorities = new ArrayList<>(items.size());
		for (Object item : items) {
			if (!(item instanceof String authority) || authority.isBlank()) {
				throw new InvalidTokenException("Token is invalid");
			}
			authorities.add(authority);
		}
		return authorities;
	}

	private static JwtKeys hmacKeys(byte[] secret, @Nullable String keyId) {
		Assert.notNull(secret, "secret cannot be null");
		Assert.isTrue(secret.length >= MIN_SECRET_BYTES,
				() -> "secret must be at least " + (MIN_SECRET_BYTES * 8) + " bits");
		return JwtKeys.hmac(secret, keyId);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static SecureDigestAlgorithm signatureAlgorithm(String name) {
		return switch (name) {
			case JwtKeys.HS256 -> Jwts.SIG.HS256;
			case JwtKeys.RS256 -> Jwts.SIG.RS256;
			case JwtKeys.ES256 -> Jwts.SIG.ES256;
			default -> throw new IllegalStateException("Unsupported algorithm " + name);
		};
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
