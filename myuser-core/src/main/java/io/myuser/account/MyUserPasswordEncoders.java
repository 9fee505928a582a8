package io.myuser.account;

import java.util.HashMap;
import java.util.Map;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.scrypt.SCryptPasswordEncoder;

/**
 * The default {@link PasswordEncoder}: a delegating encoder that writes Argon2id hashes (OWASP's first choice,
 * with no input length limit) and still reads bcrypt, PBKDF2 and scrypt hashes, which are upgraded to Argon2id at
 * the next successful login.
 */
public final class MyUserPasswordEncoders {

	/** The id under which new hashes are written. */
	public static final String DEFAULT_ID = "argon2";

	private MyUserPasswordEncoders() {
	}

	/**
	 * Create the default encoder.
	 * @return a delegating encoder writing {@code {argon2}} hashes
	 */
	public static DelegatingPasswordEncoder createDelegatingPasswordEncoder() {
		Map<String, PasswordEncoder> encoders = new HashMap<>();
		encoders.put(DEFAULT_ID, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
		encoders.put("bcrypt", new BCryptPasswordEncoder());
		encoders.put("pbkdf2", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_5());
		encoders.put("pbkdf2@SpringSecurity_v5_8", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
		encoders.put("scrypt", SCryptPasswordEncoder.defaultsForSpringSecurity_v4_1());
		encoders.put("scrypt@SpringSecurity_v5_8", SCryptPasswordEncoder.defaultsForSpringSecurity_v5_8());
		return new DelegatingPasswordEncoder(DEFAULT_ID, encoders);
	}

}
