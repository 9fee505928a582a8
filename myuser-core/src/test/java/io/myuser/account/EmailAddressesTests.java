package io.myuser.account;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link EmailAddresses}.
 */
class EmailAddressesTests {

	private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");

	@Test
	void normalizeWhenSurroundedByWhitespaceThenTrimmed() {
		assertThat(EmailAddresses.normalize("  Alice@Example.COM \t\n")).isEqualTo("Alice@Example.COM");
		assertThat(EmailAddresses.normalize("\u2003alice@example.com\u2002")).isEqualTo("alice@example.com");
	}

	@Test
	void normalizeWhenDecomposedThenNfcAndCaseKept() {
		String decomposed = "Jose\u0301@Exa\u0301mple.com";
		assertThat(EmailAddresses.normalize(decomposed)).isEqualTo("Jos\u00e9@Ex\u00e1mple.com").hasSize(16);
	}

	@Test
	void normalizeWhenNullThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> EmailAddresses.normalize(null))
			.withMessage("email cannot be null");
	}

	@Test
	void canonicalizeThenTrimmedNfcAndLowerCase() {
		assertThat(EmailAddresses.canonicalize("  Jose\u0301.GARCIA@Example.COM "))
			.isEqualTo("jos\u00e9.garcia@example.com");
		assertThat(EmailAddresses.canonicalize("JOS\u00c9@example.com"))
			.isEqualTo(EmailAddresses.canonicalize("Jose\u0301@EXAMPLE.com"));
	}

	@Test
	void canonicalizeWhenDefaultLocaleTurkishThenDotlessRulesNotApplied() {
		Locale original = Locale.getDefault();
		try {
			Locale.setDefault(TURKISH);
			// The locale took effect: a locale-sensitive lower-casing would turn I into a dotless i.
			assertThat("I".toLowerCase()).isEqualTo("\u0131");
			assertThat(EmailAddresses.canonicalize("INFO@EXAMPLE.COM")).isEqualTo("info@example.com");
			assertThat(EmailAddresses.canonicalize("Irmak.Isik@MAIL.IO")).isEqualTo("irmak.isik@mail.io");
		}
		finally {
			Locale.setDefault(original);
		}
	}

}
