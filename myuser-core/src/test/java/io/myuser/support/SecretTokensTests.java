package io.myuser.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SecretTokens}.
 */
class SecretTokensTests {

	@Test
	void generateThenUrlSafeBase64WithoutPaddingOf32Bytes() {
		for (int i = 0; i < 1_000; i++) {
			String token = SecretTokens.generate();
			assertThat(token).matches("[A-Za-z0-9_-]{43}").doesNotContain("=", "+", "/");
			byte[] bytes = Base64.getUrlDecoder().decode(token);
			assertThat(bytes).hasSize(SecretTokens.TOKEN_BYTES);
			assertThat(bytes.length * 8).isGreaterThanOrEqualTo(128);
		}
	}

	@Test
	void generateWhenCalledManyTimesThenNoRepeats() {
		int count = 100_000;
		Set<String> tokens = new HashSet<>(count * 2);
		for (int i = 0; i < count; i++) {
			String token = SecretTokens.generate();
			assertThat(tokens.add(token)).as("token %d repeats an earlier one: %s", i, token).isTrue();
		}
	}

	@Test
	void generateThenEveryBitVaries() {
		// A stuck bit (say a zeroed last byte) would halve the entropy without making any token repeat.
		int count = 4_000;
		int[] ones = new int[SecretTokens.TOKEN_BYTES * 8];
		for (int i = 0; i < count; i++) {
			byte[] bytes = Base64.getUrlDecoder().decode(SecretTokens.generate());
			for (int bit = 0; bit < ones.length; bit++) {
				if ((bytes[bit / 8] & (1 << (bit % 8))) != 0) {
					ones[bit]++;
				}
			}
		}
		for (int bit = 0; bit < ones.length; bit++) {
			// Binomial(4000, 0.5) has a standard deviation of about 32; 400 is more than 12 of them.
			assertThat(ones[bit]).as("times bit %d was set in %d tokens", bit, count).isBetween(1_600, 2_400);
		}
	}

	@Test
	void hashWhenKnownInputThenSha256TestVector() {
		assertThat(SecretTokens.hash(""))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		assertThat(SecretTokens.hash("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void hashWhenNonAsciiThenDigestOfUtf8Bytes() throws Exception {
		String token = "caf\u00e9-\u65e5\u672c-\ud83d\ude00";
		assertThat(SecretTokens.hash(token)).isEqualTo(sha256Hex(token.getBytes(StandardCharsets.UTF_8)))
			.isNotEqualTo(sha256Hex(token.getBytes(StandardCharsets.UTF_16)))
			.isNotEqualTo(sha256Hex(token.getBytes(StandardCharsets.ISO_8859_1)));
	}

	@Test
	void hashWhenRandomTokensThenLowerCaseHexSha256DeterministicAndDistinct() throws Exception {
		SeededRandom random = SeededRandom.forTest("hashWhenRandomTokensThenLowerCaseHexSha256DeterministicAndDistinct");
		Map<String, String> tokenByHash = new HashMap<>();
		for (int i = 0; i < 2_000; i++) {
			String token = randomToken(random, i);
			String hash = SecretTokens.hash(token);
			assertThat(hash).as("hash of %s, %s", token, random).matches("[0-9a-f]{64}");
			assertThat(SecretTokens.hash(token)).as("second hash of %s, %s", token, random).isEqualTo(hash);
			assertThat(hash).as("hash of %s, %s", token, random)
				.isEqualTo(sha256Hex(token.getBytes(StandardCharsets.UTF_8)));
			String earlier = tokenByHash.putIfAbsent(hash, token);
			if (earlier != null) {
				assertThat(earlier).as("two tokens share hash %s, %s", hash, random).isEqualTo(token);
			}
		}
	}

	@Test
	void hashWhenTokensDifferInOneCharacterThenHashesDiffer() {
		String token = SecretTokens.generate();
		char last = token.charAt(token.length() - 1);
		String other = token.substring(0, token.length() - 1) + ((last == 'A') ? 'B' : 'A');
		assertThat(SecretTokens.hash(other)).isNotEqualTo(SecretTokens.hash(token));
		assertThat(SecretTokens.hash("Token")).isNotEqualTo(SecretTokens.hash("token"));
	}

	@Test
	void hashWhenTokenNullThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> SecretTokens.hash(null))
			.withMessage("token cannot be null");
	}

	private static String randomToken(SeededRandom random, int i) {
		if (i % 2 == 0) {
			byte[] bytes = new byte[1 + random.nextInt(48)];
			random.nextBytes(bytes);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(20);
		for (int c = 0; c < length; c++) {
			int codePoint = random.nextInt(0x1_0000 - 0x800) + 0x20;
			if (Character.isSurrogate((char) codePoint)) {
				codePoint = 0x1F600 + random.nextInt(80);
			}
			text.appendCodePoint(codePoint);
		}
		return text.toString();
	}

	private static String sha256Hex(byte[] bytes) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
		StringBuilder hex = new StringBuilder();
		for (byte b : digest) {
			hex.append(String.format("%02x", b & 0xFF));
		}
		return hex.toString();
	}

}
