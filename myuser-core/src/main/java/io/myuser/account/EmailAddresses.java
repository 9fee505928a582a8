package io.myuser.account;

import java.text.Normalizer;
import java.util.Locale;

import org.springframework.util.Assert;

/**
 * How email addresses are stored and compared: trimmed and NFC-normalised as entered, and compared through a
 * lower-case canonical form.
 */
public final class EmailAddresses {

	private EmailAddresses() {
	}

	/**
	 * Normalise an address for display and storage.
	 * @param email the address as entered
	 * @return the trimmed, NFC-normalised address
	 */
	public static String normalize(String email) {
		Assert.notNull(email, "email cannot be null");
		return Normalizer.normalize(email.strip(), Normalizer.Form.NFC);
	}

	/**
	 * Return the form under which addresses are compared and indexed.
	 * @param email the address as entered
	 * @return the canonical, lower-case form
	 */
	public static String canonicalize(String email) {
		return normalize(email).toLowerCase(Locale.ROOT);
	}

}
