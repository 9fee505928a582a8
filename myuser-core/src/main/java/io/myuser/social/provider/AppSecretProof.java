package io.myuser.social.provider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.util.Assert;

/**
 * Facebook's {@code appsecret_proof}: the lower-case hex HMAC-SHA256 of an access token, keyed by the app secret.
 * A Graph call that carries it proves the caller knows the secret, so a stolen token alone cannot be used by
 * another server against this app.
 */
public final class AppSecretProof {

	private AppSecretProof() {
	}

	/**
	 * Compute the proof for a token.
	 * @param appSecret the app secret
	 * @param accessToken the token the Graph call carries
	 * @return the proof
	 */
	public static String of(String appSecret, String accessToken) {
		Assert.hasText(appSecret, "appSecret cannot be empty");
		Assert.hasText(accessToken, "accessToken cannot be empty");
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
