package io.myuser.autoconfigure.token;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;

/**
 * Reads PEM keys: PKCS#8 private keys ({@code BEGIN PRIVATE KEY}, as written by {@code openssl genpkey}) and
 * X.509 public keys ({@code BEGIN PUBLIC KEY}), RSA or EC.
 */
final class PemKeys {

	private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

	private PemKeys() {
	}

	static PrivateKey privateKey(Resource resource, String algorithm) {
		byte[] der = read(resource, "PRIVATE KEY");
		try {
			return KeyFactory.getInstance(keyFamily(algorithm)).generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("'" + resource.getDescription() + "' is not a PKCS#8 " + keyFamily(algorithm)
					+ " private key", ex);
		}
	}

	static PublicKey publicKey(Resource resource, String algorithm) {
		byte[] der = read(resource, "PUBLIC KEY");
		try {
			return KeyFactory.getInstance(keyFamily(algorithm)).generatePublic(new X509EncodedKeySpec(der));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("'" + resource.getDescription() + "' is not an X.509 "
					+ keyFamily(algorithm) + " public key", ex);
		}
	}

	private static String keyFamily(String algorithm) {
		return algorithm.startsWith("ES") ? "EC" : "RSA";
	}

	private static byte[] read(Resource resource, String type) {
		String text;
		try (InputStream in = resource.getInputStream()) {
			text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read key '" + resource.getDescription() + "'", ex);
		}
		Matcher matcher = BLOCK.matcher(text);
		while (matcher.find()) {
			if (matcher.group(1).equals(type)) {
				return Base64.getMimeDecoder().decode(matcher.group(2).strip());
			}
		}
		throw new IllegalStateException("'" + resource.getDescription() + "' holds no '-----BEGIN " + type
				+ "-----' block");
	}

}
