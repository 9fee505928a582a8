package io.myuser.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.myuser.support.ClientInfo;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the successor of a rotated refresh token readable only by the client that rotated it: the pair is
 * encrypted with AES-256-GCM under a key derived from the rotated token, which is never stored, with the client's
 * IP address and user agent as associated data. A database reader learns nothing usable; the client repeating the
 * same refresh within the grace window gets the same pair back, while the same token from another address or
 * user agent cannot open it (and is treated as reuse).
 */
final class SuccessorPairCipher {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int IV_BYTES = 12;

	private SuccessorPairCipher() {
	}

	static String encrypt(String rotatedToken, String access, String refresh, ClientInfo client) {
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, rotatedToken, iv);
			cipher.updateAAD(binding(client));
			byte[] sealed = cipher.doFinal((access + " " + refresh).getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[IV_BYTES + sealed.length];
			System.arraycopy(iv, 0, out, 0, IV_BYTES);
			System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
			return Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	static String @Nullable [] decrypt(String rotatedToken, String ciphertext, ClientInfo client) {
		try {
			byte[] in = Base64.getDecoder().decode(ciphertext);
			byte[] iv = java.util.Arrays.copyOfRange(in, 0, IV_BYTES);
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, rotatedToken, iv);
			cipher.updateAAD(binding(client));
			String pair = new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
			String[] parts = pair.split(" ", 2);
			return (parts.length == 2) ? parts : null;
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static byte[] binding(ClientInfo client) {
		String ip = (client.ipAddress() != null) ? client.ipAddress() : "";
		return ("myuser-refresh-client-v1\n" + ip + "\n" + client.userAgent()).getBytes(StandardCharsets.UTF_8);
	}

	private static Cipher cipher(int mode, String rotatedToken, byte[] iv) throws GeneralSecurityException {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		digest.update("myuser-refresh-successor-v1:".getBytes(StandardCharsets.UTF_8));
		byte[] key = digest.digest(rotatedToken.getBytes(StandardCharsets.UTF_8));
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
		return cipher;
	}

}
