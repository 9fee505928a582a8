package io.myuser.sample.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * Key pairs written as PEM files (PKCS#8 private, X.509 public), as an operator would provide them.
 */
final class TestKeyFiles {

	private TestKeyFiles() {
	}

	static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static KeyPair ec() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Write the private and public key; return the location of the private key file ("file:..."). */
	static String[] write(KeyPair pair, String name) {
		try {
			Path directory = Files.createTempDirectory("myuser-keys");
			Path privateKey = directory.resolve(name + ".key");
			Path publicKey = directory.resolve(name + ".pub");
			Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate()));
			Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic()));
			privateKey.toFile().deleteOnExit();
			publicKey.toFile().deleteOnExit();
			directory.toFile().deleteOnExit();
			return new String[] { "file:" + privateKey, "file:" + publicKey };
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String pem(String type, Key key) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded()) + "\n-----END " + type
				+ "-----\n";
	}

}
