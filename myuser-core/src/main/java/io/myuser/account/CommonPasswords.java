package io.myuser.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.util.function.SingletonSupplier;

/**
 * The list of common passwords shipped as {@value #RESOURCE} next to this class: 30,000 entries taken from
 * zxcvbn4j (MIT License; see the header of the file and THIRD-PARTY-NOTICES.md). It is read once, on first use,
 * into a hash set; loading is thread-safe.
 */
final class CommonPasswords {

	/** The resource, relative to this class's package. */
	static final String RESOURCE = "common-passwords.txt";

	private static final SingletonSupplier<Set<String>> PASSWORDS = SingletonSupplier.of(CommonPasswords::load);

	private CommonPasswords() {
	}

	/**
	 * Whether a comparison key is on the list.
	 * @param key a key made by {@link #key(String)}
	 * @return {@code true} if the list holds it
	 */
	static boolean contains(String key) {
		return PASSWORDS.obtain().contains(key);
	}

	/**
	 * The number of distinct entries.
	 * @return the size of the list
	 */
	static int size() {
		return PASSWORDS.obtain().size();
	}

	/**
	 * The form in which passwords are compared with the list: NFKC-normalised, stripped of leading and trailing
	 * white space, lower case.
	 * @param text a password or list entry
	 * @return the key
	 */
	static String key(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
	}

	private static Set<String> load() {
		Set<String> passwords = new HashSet<>(65_536);
		try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Resource " + RESOURCE + " not found next to "
						+ CommonPasswords.class.getName());
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					passwords.add(key(line));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
		return Collections.unmodifiableSet(passwords);
	}

}
