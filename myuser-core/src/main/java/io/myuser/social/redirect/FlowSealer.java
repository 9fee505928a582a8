package io.myuser.social.redirect;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals what a flow row carries under a key derived from the row's secret (the state or the exchange code), which
 * is never stored: AES-256-GCM, a random IV, the row's kind as associated data. Only whoever holds the secret can
 * open it.
 */
final class FlowSealer {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int IV_BYTES = 12;

	private FlowSealer() {
	}

	static String seal(String secret, String kind, String plaintext) {
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, secret, kind, iv);
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[IV_BYTES + sealed.length];
			System.arraycopy(iv, 0, out, 0, IV_BYTES);
			System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
			return Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	static Optional<String> open(String secret, String kind, String sealed) {
		byte[] in = Base64.getDecoder().decode(sealed);
		if (in.length <= IV_BYTES) {
			return Optional.empty();
		}
		byte[] iv = new byte[IV_BYTES];
		System.arraycopy(in, 0, iv, 0, IV_BYTES);
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, secret, kind, iv);
			byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
			return Optional.of(new String(plain, StandardCharsets.UTF_8));
		}
		catch (AEADBadTagException ex) {
			return Optional.empty();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	private static Cipher cipher(int mode, String secret, String kind, byte[] iv) throws GeneralSecurityException {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		digest.update("myuser-social-flow-key\n".getBytes(StandardCharsets.UTF_8));
		byte[] key = digest.digest(secret.getBytes(StandardCharsets.UTF_8));
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
		cipher.updateAAD(kind.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

}
