package io.myuser.sample.tokens;

import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.io.AbstractDeserializer;
import io.jsonwebtoken.io.AbstractSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * jjwt builders and parsers for tests that forge or independently verify tokens, with JSON through Jackson 3.
 */
final class TestJwts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TestJwts() {
	}

	static JwtBuilder builder() {
		return Jwts.builder().json(new AbstractSerializer<Map<String, ?>>() {
			@Override
			protected void doSerialize(Map<String, ?> value, OutputStream out) {
				JSON.writeValue(out, value);
			}
		});
	}

	/**
	 * A builder whose header says {@code typ: at+jwt}, as MyUser's access tokens do, so that a forged token is
	 * refused for what the test changes and not merely for its missing type.
	 */
	static JwtBuilder accessToken() {
		return builder().header().type("at+jwt").and();
	}

	/**
	 * Sign a token's payload segment again, byte for byte, under another header with HS256: only the header
	 * changes.
	 * @param token a compact token
	 * @param header the new header JSON
	 * @param key the HMAC key
	 * @return the new compact token
	 */
	static String resignHs256(String token, String header, byte[] key) {
		String input = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "." + token.split("\\.")[1];
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return input + "." + base64Url(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sign a token's payload segment again, byte for byte, under another header with RS256 or ES256.
	 * @param token a compact token
	 * @param header the new header JSON, whose {@code alg} must fit the key
	 * @param key the private key
	 * @return the new compact token
	 */
	static String resignAsymmetric(String token, String header, PrivateKey key) {
		String input = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "." + token.split("\\.")[1];
		try {
			boolean rsa = key.getAlgorithm().equals("RSA");
			Signature signer = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
			signer.initSign(key);
			signer.update(input.getBytes(StandardCharsets.US_ASCII));
			return input + "." + base64Url(signer.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The header of a compact token, as JSON text.
	 * @param token the token
	 * @return the header
	 */
	static String header(String token) {
		return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
	}

	private static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static JwtParserBuilder parser() {
		return Jwts.parser().json(new AbstractDeserializer<Map<String, ?>>() {
			@Override
			@SuppressWarnings("unchecked")
			protected Map<String, ?> doDeserialize(Reader reader) {
				return JSON.readValue(reader, Map.class);
			}
		});
	}

}
