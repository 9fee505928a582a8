package io.myuser.token;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.myuser.support.SeededRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for {@link JjwtTokenCodec}.
 */
class JjwtTokenCodecTests {

	private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

	private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private static final UUID USER_ID = UUID.fromString("0197a5b0-1c2d-7e3f-8a4b-5c6d7e8f9a0b");

	private static final UUID SESSION_ID = UUID.fromString("0197a5b0-1c2d-7e3f-9a4b-000000000001");

	private static final Duration SKEW = Duration.ofSeconds(30);

	/** The header of an access token without a key id, as the codec writes it. */
	private static final String ACCESS_HEADER = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}";

	private static final JwtSettings SETTINGS = new JwtSettings(Duration.ofMinutes(15), Duration.ofDays(7), null,
			null, SKEW);

	private static final JwtSettings ISSUER_AND_AUDIENCE = new JwtSettings(Duration.ofMinutes(15),
			Duration.ofDays(7), "https://id.example.com", "myuser-api", SKEW);

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final JjwtTokenCodec codec = codec(SECRET, null, SETTINGS);

	// Construction

	@Test
	void constructorWhenSecretShorterThan32BytesThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> codec(new byte[31], null, SETTINGS))
			.withMessage("secret must be at least 256 bits");
		assertThatIllegalArgumentException().isThrownBy(() -> codec(new byte[0], null, SETTINGS));
		assertThatCode(() -> codec(new byte[32], null, SETTINGS)).doesNotThrowAnyException();
	}

	@Test
	void constructorWhenArgumentNullThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JjwtTokenCodec(null, null, SETTINGS, this.jsonMapper, this.clock));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JjwtTokenCodec(SECRET, null, null, this.jsonMapper, this.clock));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JjwtTokenCodec(SECRET, null, SETTINGS, null, this.clock));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JjwtTokenCodec(SECRET, null, SETTINGS, this.jsonMapper, null));
	}

	// Round trip and header

	@Test
	void decodeWhenEncodedByCodecThenSameClaims() {
		for (TokenType type : TokenType.values()) {
			TokenClaims claims = claims(type);
			assertThat(this.codec.decode(this.codec.encode(claims), type)).isEqualTo(claims);
		}
	}

	@Test
	void decodeWhenIssuerAndAudienceConfiguredAndEncodedByCodecThenSameClaims() {
		JjwtTokenCodec strict = codec(SECRET, "key-1", ISSUER_AND_AUDIENCE);
		TokenClaims claims = claims(TokenType.REFRESH);
		String token = strict.encode(claims);
		assertThat(strict.decode(token, TokenType.REFRESH)).isEqualTo(claims);
		Map<String, Object> payload = json(segment(token, 1));
		assertThat(payload).containsEntry("iss", "https://id.example.com");
		assertThat(payload.get("aud")).isIn("myuser-api", List.of("myuser-api"));
	}

	@Test
	void encodeThenPayloadHoldsMyUserClaims() {
		String token = this.codec.encode(claims(TokenType.ACCESS));
		assertThat(token.split("\\.", -1)).hasSize(3);
		Map<String, Object> payload = json(segment(token, 1));
		assertThat(payload).containsEntry("sub", USER_ID.toString())
			.containsEntry("user_id", USER_ID.toString())
			.containsEntry("sid", SESSION_ID.toString())
			.containsEntry("token_type", "access")
			.containsEntry("jti", "token-1")
			.doesNotContainKeys("iss", "aud");
		assertThat(((Number) payload.get("iat")).longValue()).isEqualTo(NOW.minusSeconds(60).getEpochSecond());
		assertThat(((Number) payload.get("exp")).longValue()).isEqualTo(NOW.plusSeconds(900).getEpochSecond());
	}

	@Test
	void encodeWhenNoKeyIdThenHs256HeaderWithoutKid() {
		Map<String, Object> header = json(segment(this.codec.encode(claims(TokenType.ACCESS)), 0));
		assertThat(header).containsEntry("alg", "HS256").doesNotContainKey("kid");
	}

	@Test
	void encodeWhenKeyIdConfiguredThenKidHeader() {
		JjwtTokenCodec withKeyId = codec(SECRET, "2025-06", SETTINGS);
		String token = withKeyId.encode(claims(TokenType.ACCESS));
		assertThat(json(segment(token, 0))).containsEntry("alg", "HS256").containsEntry("kid", "2025-06");
		assertThat(withKeyId.decode(token, TokenType.ACCESS)).isEqualTo(claims(TokenType.ACCESS));
	}

	@Test
	void encodeWhenClaimsNullThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.encode(null));
	}

	@Test
	void decodeWhenExpectedTypeNullThenThrowIllegalArgumentException() {
		String token = this.codec.encode(claims(TokenType.ACCESS));
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode(token, null));
	}

	// Forged signatures and algorithms

	@Test
	void decodeWhenAlgNoneThenInvalidToken() {
		String payload = b64(this.jsonMapper.writeValueAsBytes(validPayload()));
		String validSignature = segment(this.codec.encode(claims(TokenType.ACCESS)), 2);
		for (String alg : List.of("none", "None", "NONE", "nOnE")) {
			String header = b64(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
			assertInvalid(header + "." + payload + ".", TokenType.ACCESS);
			assertInvalid(header + "." + payload + "." + validSignature, TokenType.ACCESS);
			assertInvalid(header + "." + payload, TokenType.ACCESS);
		}
	}

	@Test
	void decodeWhenSignedWithOtherHs256KeyThenInvalidToken() {
		byte[] other = SECRET.clone();
		other[31] ^= 1;
		String token = codec(other, null, SETTINGS).encode(claims(TokenType.ACCESS));
		assertInvalid(token, TokenType.ACCESS);
		assertInvalid(sign(ACCESS_HEADER, validPayload(), other, "HmacSHA256"), TokenType.ACCESS);
	}

	@Test
	void decodeWhenHandSignedWithRightKeyThenAccepted() {
		// Shows that sign(..) below makes tokens the codec accepts, so the refusals that use it are meaningful.
		String token = sign(ACCESS_HEADER, validPayload(), SECRET, "HmacSHA256");
		assertThat(this.codec.decode(token, TokenType.ACCESS)).isEqualTo(claims(TokenType.ACCESS));
	}

	@Test
	void decodeWhenRs256ThenInvalidToken() {
		KeyPair pair = Jwts.SIG.RS256.keyPair().build();
		String token = builder(validPayload()).signWith(pair.getPrivate(), Jwts.SIG.RS256).compact();
		assertThat(json(segment(token, 0))).containsEntry("alg", "RS256");
		assertInvalid(token, TokenType.ACCESS);
	}

	@Test
	void decodeWhenRs256HeaderOverHmacOfSecretThenInvalidToken() {
		// Algorithm confusion the other way round: RS256 announced, the bytes being an HMAC with the shared secret.
		assertInvalid(sign("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}", validPayload(), SECRET, "HmacSHA256"), TokenType.ACCESS);
	}

	@Test
	void decodeWhenHs512WithSameSecretBytesThenInvalidToken() {
		// jjwt refuses to build HS512 with a 256-bit key, so the token is signed by hand.
		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> builder(validPayload()).signWith(Keys.hmacShaKeyFor(SECRET), Jwts.SIG.HS512).compact())
			.withMessageContaining("256 bits which is not secure enough for the HS512 algorithm");
		assertInvalid(sign("{\"alg\":\"HS512\",\"typ\":\"at+jwt\"}", validPayload(), SECRET, "HmacSHA512"), TokenType.ACCESS);
		assertInvalid(sign("{\"alg\":\"HS384\",\"typ\":\"at+jwt\"}", validPayload(), SECRET, "HmacSHA384"), TokenType.ACCESS);
	}

	@Test
	void decodeWhenSecretLongEnoughForHs512AndTokenIsHs512ThenInvalidToken() {
		// With a 64-byte secret jjwt itself would verify an HS512 signature; only HS256 may pass.
		byte[] longSecret = Arrays.copyOf(SECRET, 64);
		Arrays.fill(longSecret, 32, 64, (byte) 'x');
		JjwtTokenCodec longCodec = codec(longSecret, null, SETTINGS);
		assertThat(longCodec.decode(longCodec.encode(claims(TokenType.ACCESS)), TokenType.ACCESS))
			.isEqualTo(claims(TokenType.ACCESS));
		String hs512 = builder(validPayload()).signWith(Keys.hmacShaKeyFor(longSecret), Jwts.SIG.HS512).compact();
		String hs384 = builder(validPayload())
			.signWith(new SecretKeySpec(longSecret, "HmacSHA384"), Jwts.SIG.HS384)
			.compact();
		assertThat(json(segment(hs512, 0))).containsEntry("alg", "HS512");
		assertInvalid(longCodec, hs512, TokenType.ACCESS);
		assertInvalid(longCodec, hs384, TokenType.ACCESS);
	}

	@Test
	void decodeWhenEncryptedWithSecretThenInvalidToken() {
		String token = builder(validPayload())
			.encryptWith(new SecretKeySpec(SECRET, "AES"), Jwts.KEY.DIRECT, Jwts.ENC.A256GCM)
			.compact();
		assertThat(token.split("\\.", -1)).hasSize(5);
		assertInvalid(token, TokenType.ACCESS);
	}

	// Tampering

	@Test
	void decodeWhenCharacterInMiddleOfPayloadChangedThenInvalidToken() {
		String token = this.codec.encode(claims(TokenType.ACCESS));
		String[] parts = token.split("\\.");
		int middle = parts[1].length() / 2;
		for (int position : new int[] { middle - 1, middle, middle + 1, 1 }) {
			char original = parts[1].charAt(position);
			for (char replacement : new char[] { 'A', 'B', 'z', '0', '-', '_' }) {
				if (replacement == original) {
					continue;
				}
				String payload = parts[1].substring(0, position) + replacement + parts[1].substring(position + 1);
				assertInvalid(parts[0] + "." + payload + "." + parts[2], TokenType.ACCESS);
			}
		}
	}

	@Test
	void decodeWhenPayloadReplacedButSignatureKeptThenInvalidToken() {
		String token = this.codec.encode(claims(TokenType.ACCESS));
		String[] parts = token.split("\\.");
		Map<String, Object> payload = validPayload();
		String otherUser = UUID.randomUUID().toString();
		payload.put("sub", otherUser);
		payload.put("user_id", otherUser);
		assertInvalid(parts[0] + "." + b64(this.jsonMapper.writeValueAsBytes(payload)) + "." + parts[2],
				TokenType.ACCESS);
		Map<String, Object> longer = validPayload();
		longer.put("exp", NOW.plus(Duration.ofDays(365)).getEpochSecond());
		assertInvalid(parts[0] + "." + b64(this.jsonMapper.writeValueAsBytes(longer)) + "." + parts[2],
				TokenType.ACCESS);
	}

	@Test
	void decodeWhenHeaderOrSignatureChangedThenInvalidToken() {
		String token = this.codec.encode(claims(TokenType.ACCESS));
		String[] parts = token.split("\\.");
		String header = b64("{\"alg\":\"HS256\",\"kid\":\"other\"}".getBytes(StandardCharsets.UTF_8));
		assertInvalid(header + "." + parts[1] + "." + parts[2], TokenType.ACCESS);
		char first = parts[2].charAt(0);
		assertInvalid(parts[0] + "." + parts[1] + "." + ((first == 'A') ? 'B' : 'A') + parts[2].substring(1),
				TokenType.ACCESS);
		assertInvalid(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20), TokenType.ACCESS);
		assertInvalid(parts[0] + "." + parts[1] + ".", TokenType.ACCESS);
	}

	@Test
	void decodeWhenValidTokenFollowedByNonBase64UrlCharacterThenInvalidToken() {
		String token = this.codec.encode(claims(TokenType.ACCESS));
		for (String suffix : List.of("=", "==", "!", "~", "+", "/", "\u0000", "\u007f", "\u00ff", ",", "}")) {
			assertInvalid(token + suffix, TokenType.ACCESS);
		}
	}

	// Time

	@Test
	void decodeWhenExpiredBeyondClockSkewThenInvalidToken() {
		TokenClaims expired = claims(TokenType.ACCESS, NOW.minusSeconds(900), NOW.minus(SKEW).minusSeconds(1));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> this.codec.decode(this.codec.encode(expired), TokenType.ACCESS))
			.withMessage("Token has expired");
		TokenClaims longExpired = claims(TokenType.REFRESH, NOW.minus(Duration.ofDays(8)), NOW.minus(Duration.ofDays(1)));
		assertInvalid(this.codec.encode(longExpired), TokenType.REFRESH);
	}

	@Test
	void decodeWhenExpiredWithinClockSkewThenAccepted() {
		TokenClaims justExpired = claims(TokenType.ACCESS, NOW.minusSeconds(900), NOW.minusSeconds(10));
		assertThat(this.codec.decode(this.codec.encode(justExpired), TokenType.ACCESS)).isEqualTo(justExpired);
		TokenClaims atSkew = claims(TokenType.ACCESS, NOW.minusSeconds(900), NOW.minus(SKEW));
		assertThat(this.codec.decode(this.codec.encode(atSkew), TokenType.ACCESS)).isEqualTo(atSkew);
	}

	@Test
	void decodeWhenNoClockSkewAndExpiredOneSecondAgoThenInvalidToken() {
		JjwtTokenCodec exact = codec(SECRET, null,
				new JwtSettings(Duration.ofMinutes(15), Duration.ofDays(7), null, null, Duration.ZERO));
		TokenClaims expired = claims(TokenType.ACCESS, NOW.minusSeconds(900), NOW.minusSeconds(1));
		assertInvalid(exact, exact.encode(expired), TokenType.ACCESS);
	}

	@Test
	void decodeWhenNotBeforeInFutureThenInvalidToken() {
		Map<String, Object> payload = validPayload();
		payload.put("nbf", NOW.plus(Duration.ofHours(1)).getEpochSecond());
		assertInvalid(sign(ACCESS_HEADER, payload, SECRET, "HmacSHA256"), TokenType.ACCESS);
	}

	@Test
	void decodeWhenIssuedInFutureBeyondClockSkewThenInvalidToken() {
		TokenClaims future = claims(TokenType.ACCESS, NOW.plus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(366)));
		assertInvalid(this.codec.encode(future), TokenType.ACCESS);
	}

	// Token type and claims

	@Test
	void decodeWhenAccessTokenExpectedAsRefreshThenInvalidToken() {
		String access = this.codec.encode(claims(TokenType.ACCESS));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> this.codec.decode(access, TokenType.REFRESH))
			.withMessage("Token has the wrong type");
	}

	@Test
	void decodeWhenRefreshTokenExpectedAsAccessThenInvalidToken() {
		String refresh = this.codec.encode(claims(TokenType.REFRESH));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> this.codec.decode(refresh, TokenType.ACCESS))
			.withMessage("Token has the wrong type");
	}

	@Test
	void encodeThenHeaderTypNamesTheTokenType() {
		assertThat(json(segment(this.codec.encode(claims(TokenType.ACCESS)), 0))).containsEntry("typ", "at+jwt");
		assertThat(json(segment(this.codec.encode(claims(TokenType.REFRESH)), 0))).containsEntry("typ", "rt+jwt");
		assertThat(json(segment(codec(SECRET, "k1", SETTINGS).encode(claims(TokenType.ACCESS)), 0)))
			.containsEntry("typ", "at+jwt")
			.containsEntry("kid", "k1");
	}

	@Test
	void decodeWhenTypMissingOrNotAtJwtThenAccessTokenRefused() {
		// Signed with the right key and carrying token_type "access": only the header typ is wrong.
		List<String> headers = List.of("{\"alg\":\"HS256\"}", "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
				"{\"alg\":\"HS256\",\"typ\":\"jwt\"}", "{\"alg\":\"HS256\",\"typ\":\"application/jwt\"}",
				"{\"alg\":\"HS256\",\"typ\":\"rt+jwt\"}", "{\"alg\":\"HS256\",\"typ\":\"application/rt+jwt\"}",
				"{\"alg\":\"HS256\",\"typ\":\"\"}", "{\"alg\":\"HS256\",\"typ\":\" at+jwt\"}",
				"{\"alg\":\"HS256\",\"typ\":\"at+jwt \"}", "{\"alg\":\"HS256\",\"typ\":\"at+jwt+x\"}",
				"{\"alg\":\"HS256\",\"typ\":\"atjwt\"}", "{\"alg\":\"HS256\",\"typ\":\"application/application/at+jwt\"}",
				"{\"alg\":\"HS256\",\"typ\":\"text/at+jwt\"}", "{\"alg\":\"HS256\",\"typ\":\"at+jwt\u0000\"}",
				"{\"alg\":\"HS256\",\"typ\":null}", "{\"alg\":\"HS256\",\"typ\":[\"at+jwt\"]}",
				"{\"alg\":\"HS256\",\"typ\":5}", "{\"alg\":\"HS256\",\"cty\":\"at+jwt\"}");
		for (String header : headers) {
			assertInvalid(sign(header, validPayload(), SECRET, "HmacSHA256"), TokenType.ACCESS);
		}
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> this.codec.decode(sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", validPayload(), SECRET,
					"HmacSHA256"), TokenType.ACCESS))
			.withMessage("Token has the wrong type");
	}

	@Test
	void decodeWhenTypIsTheMediaTypeOrInAnotherCaseThenAccepted() {
		// RFC 9068 section 4: "at+jwt" or "application/at+jwt"; media types ignore case (RFC 7515 section 4.1.9).
		for (String typ : List.of("at+jwt", "application/at+jwt", "AT+JWT", "Application/At+Jwt")) {
			String token = sign("{\"alg\":\"HS256\",\"typ\":\"" + typ + "\"}", validPayload(), SECRET, "HmacSHA256");
			assertThat(this.codec.decode(token, TokenType.ACCESS)).as(typ).isEqualTo(claims(TokenType.ACCESS));
		}
	}

	@Test
	void decodeWhenTypAndTokenTypeClaimDisagreeThenRefusedEitherWay() {
		// Each check holds on its own: a forger who gets one of the two right still fails.
		Map<String, Object> refreshPayload = validPayload();
		refreshPayload.put("token_type", "refresh");
		String accessTypRefreshClaim = sign(ACCESS_HEADER, refreshPayload, SECRET, "HmacSHA256");
		String refreshTypAccessClaim = sign("{\"alg\":\"HS256\",\"typ\":\"rt+jwt\"}", validPayload(), SECRET,
				"HmacSHA256");
		for (TokenType type : TokenType.values()) {
			assertInvalid(accessTypRefreshClaim, type);
			assertInvalid(refreshTypAccessClaim, type);
		}
		String refresh = sign("{\"alg\":\"HS256\",\"typ\":\"rt+jwt\"}", refreshPayload, SECRET, "HmacSHA256");
		assertThat(this.codec.decode(refresh, TokenType.REFRESH)).isEqualTo(claims(TokenType.REFRESH));
		assertInvalid(refresh, TokenType.ACCESS);
	}

	@Test
	void decodeWhenRequiredClaimMissingThenInvalidToken() {
		for (String claim : List.of("sid", "user_id", "sub", "token_type", "jti", "iat", "exp")) {
			Map<String, Object> payload = validPayload();
			payload.remove(claim);
			assertInvalid(sign(ACCESS_HEADER, payload, SECRET, "HmacSHA256"), TokenType.ACCESS);
		}
	}

	@Test
	void decodeWhenUserIdDiffersFromSubjectThenInvalidToken() {
		Map<String, Object> payload = validPayload();
		payload.put("user_id", UUID.randomUUID().toString());
		assertInvalid(sign(ACCESS_HEADER, payload, SECRET, "HmacSHA256"), TokenType.ACCESS);
		Map<String, Object> upperCase = validPayload();
		upperCase.put("user_id", USER_ID.toString().toUpperCase());
		assertInvalid(sign(ACCESS_HEADER, upperCase, SECRET, "HmacSHA256"), TokenType.ACCESS);
	}

	@Test
	void decodeWhenClaimsHaveWrongTypesThenInvalidToken() {
		List<UnaryOperator<Map<String, Object>>> changes = List.of(put("sub", 5), put("sub", List.of("a")),
				put("sub", "not-a-uuid"), put("sub", "0197a5b0-1c2d-7e3f-8a4b-5c6d7e8f9a0b0"), put("user_id", 5),
				put("sid", "not-a-uuid"), put("sid", 12), put("sid", "1-1-1-1-1"), put("sid", null),
				put("token_type", List.of("access")), put("token_type", "ACCESS"), put("jti", ""), put("exp", "soon"),
				put("exp", Map.of()), put("iat", "then"), put("iat", List.of()), put("iss", 5), put("aud", 5),
				put("nbf", "x"));
		for (UnaryOperator<Map<String, Object>> change : changes) {
			Map<String, Object> payload = change.apply(validPayload());
			String token = sign(ACCESS_HEADER, payload, SECRET, "HmacSHA256");
			assertInvalid(token, TokenType.ACCESS);
		}
	}

	// Issuer and audience

	@Test
	void decodeWhenIssuerOrAudienceWrongOrMissingThenInvalidToken() {
		JjwtTokenCodec strict = codec(SECRET, null, ISSUER_AND_AUDIENCE);
		List<JwtSettings> others = List.of(SETTINGS,
				new JwtSettings(Duration.ofMinutes(15), Duration.ofDays(7), "https://evil.example.com", "myuser-api",
						SKEW),
				new JwtSettings(Duration.ofMinutes(15), Duration.ofDays(7), "https://id.example.com", "other-api",
						SKEW),
				new JwtSettings(Duration.ofMinutes(15), Duration.ofDays(7), "https://id.example.com", null, SKEW),
				new JwtSettings(Duration.ofMinutes(15), Duration.ofDays(7), null, "myuser-api", SKEW));
		for (JwtSettings other : others) {
			String token = codec(SECRET, null, other).encode(claims(TokenType.ACCESS));
			assertInvalid(strict, token, TokenType.ACCESS);
		}
		assertThat(strict.decode(strict.encode(claims(TokenType.ACCESS)), TokenType.ACCESS))
			.isEqualTo(claims(TokenType.ACCESS));
	}

	// Garbage

	@Test
	void decodeWhenMalformedThenInvalidToken() {
		String valid = this.codec.encode(claims(TokenType.ACCESS));
		List<String> inputs = new ArrayList<>(List.of("", " ", "\t\n", "a", "a.b", "a.b.c", "a.b.c.d", "a.b.c.d.e",
				".", "..", "...", "....", "null", "{}", "e30.e30.", "e30.e30.e30", "Bearer " + valid, valid + ".",
				valid + "x.", "." + valid, valid.replace('.', ','), " " + valid, valid + "\n", "\t" + valid + " ",
				"x".repeat(10_000), "a.".repeat(5_000), valid + "A".repeat(8_200),
				"\ud83d\ude00.\ud83d\ude00.\ud83d\ude00", "%7B%7D.%7B%7D.", "=.=.=", "====.====.===="));
		inputs.add(null);
		for (String input : inputs) {
			assertInvalid(input, TokenType.ACCESS);
			assertInvalid(input, TokenType.REFRESH);
		}
	}

	@Test
	void decodeWhenPayloadIsOddJsonThenInvalidToken() {
		String header = b64(ACCESS_HEADER.getBytes(StandardCharsets.UTF_8));
		for (String json : oddJson()) {
			String odd = b64(json.getBytes(StandardCharsets.UTF_8));
			assertInvalid(signed(header + "." + odd, SECRET), TokenType.ACCESS);
			assertInvalid(odd + "." + odd + ".", TokenType.ACCESS);
		}
	}

	@Test
	void decodeWhenHeaderIsOddJsonThenInvalidTokenOrTheSignedClaims() {
		// Signed with the right key, an odd but harmless header (say an unknown "enc") may pass; nothing may escape
		// as another exception, and nothing may come back but the claims that were signed.
		String payload = b64(this.jsonMapper.writeValueAsBytes(validPayload()));
		for (String json : oddJson()) {
			String token = signed(b64(json.getBytes(StandardCharsets.UTF_8)) + "." + payload, SECRET);
			Throwable thrown = catchThrowable(() -> assertThat(this.codec.decode(token, TokenType.ACCESS))
				.isEqualTo(claims(TokenType.ACCESS)));
			if (thrown != null) {
				assertThat(thrown).as("header %s", json).isInstanceOf(InvalidTokenException.class);
			}
			boolean plausible = json.startsWith("{\"alg\":\"HS256\",") && !json.contains("none");
			if (!plausible) {
				assertThat(thrown).as("header %s", json).isInstanceOf(InvalidTokenException.class);
			}
		}
	}

	@Test
	void decodeWhenRandomInputThenOnlyInvalidTokenException() {
		SeededRandom random = SeededRandom.forTest("decodeWhenRandomInputThenOnlyInvalidTokenException");
		String valid = this.codec.encode(claims(TokenType.ACCESS));
		List<String> oddJson = oddJson();
		for (int i = 0; i < 2_000; i++) {
			String token = switch (i % 5) {
				case 0 -> randomBytes(random);
				case 1 -> randomSegments(random);
				case 2 -> b64(oddJson.get(random.nextInt(oddJson.size())).getBytes(StandardCharsets.UTF_8)) + "."
						+ b64(oddJson.get(random.nextInt(oddJson.size())).getBytes(StandardCharsets.UTF_8)) + "."
						+ randomBase64(random, random.nextInt(50));
				case 3 -> mutate(valid, random);
				default -> signed(b64(oddJson.get(random.nextInt(oddJson.size())).getBytes(StandardCharsets.UTF_8))
						+ "." + b64(oddJson.get(random.nextInt(oddJson.size())).getBytes(StandardCharsets.UTF_8)),
						SECRET);
			};
			TokenType type = random.nextBoolean() ? TokenType.ACCESS : TokenType.REFRESH;
			Throwable thrown = catchThrowable(() -> this.codec.decode(token, type));
			assertThat(thrown).as("case %d, token '%s', %s", i, token, random).isInstanceOf(InvalidTokenException.class);
		}
	}

	// Authorities and extra claims

	@Test
	void encodeWhenAuthoritiesAndExtraClaimsThenWrittenAndAuthoritiesReadBack() {
		TokenClaims claims = new TokenClaims(USER_ID, SESSION_ID, "token-1", TokenType.ACCESS, NOW.minusSeconds(60),
				NOW.plusSeconds(900), List.of("ROLE_MYUSER_ADMIN", "reports:read"),
				Map.of("tenant", "acme", "plan", Map.of("tier", 2)));
		String token = this.codec.encode(claims);
		Map<String, Object> payload = json(segment(token, 1));
		assertThat(payload).containsEntry("authorities", List.of("ROLE_MYUSER_ADMIN", "reports:read"))
			.containsEntry("tenant", "acme")
			.containsEntry("plan", Map.of("tier", 2))
			.containsEntry("sub", USER_ID.toString());
		TokenClaims decoded = this.codec.decode(token, TokenType.ACCESS);
		assertThat(decoded.authorities()).containsExactly("ROLE_MYUSER_ADMIN", "reports:read");
		assertThat(decoded.extraClaims()).isEmpty();
	}

	@Test
	void encodeWhenNoAuthoritiesThenNoAuthoritiesClaim() {
		String token = this.codec.encode(claims(TokenType.ACCESS));
		assertThat(json(segment(token, 1))).doesNotContainKey("authorities");
		assertThat(this.codec.decode(token, TokenType.ACCESS).authorities()).isEmpty();
	}

	@Test
	void decodeWhenTokenFromBeforeTheAuthoritiesClaimThenNoAuthorities() {
		String token = builder(validPayload()).signWith(Keys.hmacShaKeyFor(SECRET), Jwts.SIG.HS256).compact();
		TokenClaims decoded = this.codec.decode(token, TokenType.ACCESS);
		assertThat(decoded.authorities()).isEmpty();
		assertThat(decoded.userId()).isEqualTo(USER_ID);
	}

	@Test
	void decodeWhenAuthoritiesClaimIsNotAListOfStringsThenInvalidToken() {
		for (Object odd : List.of("ROLE_MYUSER_ADMIN", 5, List.of(5), List.of(""), Map.of("a", "b"),
				Arrays.asList("ROLE_A", null))) {
			Map<String, Object> payload = validPayload();
			String token = builder(payload).claim("authorities", odd)
				.signWith(Keys.hmacShaKeyFor(SECRET), Jwts.SIG.HS256)
				.compact();
			assertInvalid(token, TokenType.ACCESS);
		}
	}

	@Test
	void claimsWhenExtraClaimHasARegisteredNameThenThrowIllegalArgumentException() {
		for (String name : TokenClaims.REGISTERED_CLAIMS) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new TokenClaims(USER_ID, SESSION_ID, "token-1", TokenType.ACCESS, NOW, NOW,
						List.of(), Map.of(name, "x")))
				.withMessageContaining("'" + name + "'");
		}
	}

	// Helpers

	private JjwtTokenCodec codec(byte[] secret, String keyId, JwtSettings settings) {
		return new JjwtTokenCodec(secret, keyId, settings, this.jsonMapper, this.clock);
	}

	private static TokenClaims claims(TokenType type) {
		return claims(type, NOW.minusSeconds(60), NOW.plusSeconds(900));
	}

	private static TokenClaims claims(TokenType type, Instant issuedAt, Instant expiresAt) {
		return new TokenClaims(USER_ID, SESSION_ID, "token-1", type, issuedAt, expiresAt);
	}

	/** The payload {@link #claims(TokenType)} encodes to, for an access token. */
	private static Map<String, Object> validPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("sub", USER_ID.toString());
		payload.put("user_id", USER_ID.toString());
		payload.put("sid", SESSION_ID.toString());
		payload.put("token_type", "access");
		payload.put("jti", "token-1");
		payload.put("iat", NOW.minusSeconds(60).getEpochSecond());
		payload.put("exp", NOW.plusSeconds(900).getEpochSecond());
		return payload;
	}

	private static UnaryOperator<Map<String, Object>> put(String claim, Object value) {
		return (payload) -> {
			payload.put(claim, value);
			return payload;
		};
	}

	private io.jsonwebtoken.JwtBuilder builder(Map<String, Object> payload) {
		return Jwts.builder()
			.json(new JacksonJwtSerializer(this.jsonMapper))
			.header()
			.type("at+jwt")
			.and()
			.subject((String) payload.get("sub"))
			.claim("user_id", payload.get("user_id"))
			.claim("sid", payload.get("sid"))
			.claim("token_type", payload.get("token_type"))
			.id((String) payload.get("jti"))
			.issuedAt(Date.from(Instant.ofEpochSecond((Long) payload.get("iat"))))
			.expiration(Date.from(Instant.ofEpochSecond((Long) payload.get("exp"))));
	}

	/** A compact JWS built by hand: any header, any payload, an HMAC of the given JCA algorithm. */
	private String sign(String header, Map<String, Object> payload, byte[] secret, String macAlgorithm) {
		String input = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(this.jsonMapper.writeValueAsBytes(payload));
		return input + "." + b64(hmac(input, secret, macAlgorithm));
	}

	private static String signed(String signingInput, byte[] secret) {
		return signingInput + "." + b64(hmac(signingInput, secret, "HmacSHA256"));
	}

	private static byte[] hmac(String input, byte[] secret, String algorithm) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret, algorithm));
			return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String segment(String token, int index) {
		return token.split("\\.", -1)[index];
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> json(String segment) {
		return this.jsonMapper.readValue(Base64.getUrlDecoder().decode(segment), Map.class);
	}

	private void assertInvalid(String token, TokenType type) {
		assertInvalid(this.codec, token, type);
	}

	private static void assertInvalid(JjwtTokenCodec codec, String token, TokenType type) {
		Throwable thrown = catchThrowable(() -> codec.decode(token, type));
		assertThat(thrown).as("decoding '%s' as %s", token, type).isInstanceOf(InvalidTokenException.class);
	}

	private static List<String> oddJson() {
		return List.of("", "null", "[]", "[{}]", "\"text\"", "1", "true", "{", "}", "{}", "{\"alg\":\"HS256\"",
				"{\"alg\":\"HS256\"} trailing", "{\"alg\":null}", "{\"alg\":5}", "{\"alg\":[\"HS256\"]}",
				"{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", "{\"alg\":\"HS256\",\"crit\":\"x\"}",
				"{\"alg\":\"HS256\",\"zip\":\"DEF\"}", "{\"alg\":\"HS256\",\"zip\":\"nope\"}",
				"{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}", "{\"alg\":\"HS256\",\"enc\":\"A256GCM\"}",
				"{\"alg\":\"dir\",\"enc\":\"A256GCM\"}", "{\"alg\":\"HS256\",\"jwk\":{\"kty\":\"oct\",\"k\":\"AA\"}}",
				"{\"alg\":\"HS256\",\"kid\":{}}", "{\"alg\":\"HS256\",\"typ\":5}",
				"{\"alg\":\"HS256\",\"x5c\":[\"!!\"]}", "{\"sub\":\"x\"}", "{\"exp\":1e400}", "{\"exp\":-1}",
				"{\"iat\":99999999999999999999999}", "{\"a\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}",
				"{\"\\u0000\":\"\\ud800\"}", "\u00ff\u00fe", "{\"alg\":\"HS256\",\"alg\":\"none\"}");
	}

	private static String randomBytes(SeededRandom random) {
		byte[] bytes = new byte[random.nextInt(400)];
		random.nextBytes(bytes);
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	private static String randomSegments(SeededRandom random) {
		int segments = 1 + random.nextInt(6);
		StringBuilder token = new StringBuilder();
		for (int s = 0; s < segments; s++) {
			if (s > 0) {
				token.append('.');
			}
			token.append(randomBase64(random, random.nextInt(120)));
		}
		return token.toString();
	}

	private static String randomBase64(SeededRandom random, int length) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		StringBuilder text = new StringBuilder();
		for (int c = 0; c < length; c++) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	/** Change one character of a token (never a dot, never the last of the signature), or drop or add one. */
	private static String mutate(String token, SeededRandom random) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		int position;
		do {
			position = random.nextInt(token.length() - 1);
		}
		while (token.charAt(position) == '.');
		return switch (random.nextInt(3)) {
			case 0 -> {
				char replacement;
				do {
					replacement = alphabet.charAt(random.nextInt(alphabet.length()));
				}
				while (replacement == token.charAt(position));
				yield token.substring(0, position) + replacement + token.substring(position + 1);
			}
			case 1 -> token.substring(0, position) + token.substring(position + 1);
			default -> token.substring(0, position) + alphabet.charAt(random.nextInt(alphabet.length()))
					+ token.substring(position);
		};
	}

}
