package io.myuser.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CommonPasswords} and the list it reads.
 */
class CommonPasswordsTests {

	@Test
	void resourceWhenReadThenAtLeastTenThousandDistinctLowerCaseEntries() throws IOException {
		List<String> entries = lines().stream().filter((line) -> !line.startsWith("#")).toList();
		assertThat(entries).hasSizeGreaterThanOrEqualTo(10_000).doesNotHaveDuplicates();
		assertThat(entries).allSatisfy((entry) -> {
			assertThat(entry).isNotBlank().isEqualTo(entry.strip());
			assertThat(entry).isEqualTo(entry.toLowerCase(Locale.ROOT));
			assertThat(entry.length()).isGreaterThanOrEqualTo(4);
		});
	}

	@Test
	void resourceWhenReadThenMostFrequentFirst() throws IOException {
		List<String> entries = lines().stream().filter((line) -> !line.startsWith("#")).toList();
		assertThat(entries.subList(0, 4)).containsExactly("123456", "password", "12345678", "qwerty");
	}

	@Test
	void resourceWhenReadThenHeaderNamesSourceAndLicence() throws IOException {
		List<String> header = lines().stream().takeWhile((line) -> line.startsWith("#")).toList();
		assertThat(String.join("\n", header)).contains("zxcvbn4j", "https://github.com/nulab/zxcvbn4j", "MIT License",
				"Copyright (c) 2014 Nulab Inc", "THIRD-PARTY-NOTICES.md");
	}

	@Test
	void sizeWhenLoadedThenEveryEntryOnce() throws IOException {
		assertThat(CommonPasswords.size()).isEqualTo(entries().size()).isGreaterThanOrEqualTo(10_000);
	}

	@Test
	void containsWhenKeyOfListedPasswordThenTrue() {
		assertThat(CommonPasswords.contains(CommonPasswords.key("password"))).isTrue();
		assertThat(CommonPasswords.contains(CommonPasswords.key("  PassWord "))).isTrue();
		assertThat(CommonPasswords.contains(CommonPasswords.key("\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44")))
			.isTrue();
		assertThat(CommonPasswords.contains(CommonPasswords.key("iloveyou"))).isTrue();
		assertThat(CommonPasswords.contains(CommonPasswords.key("correct horse battery staple"))).isFalse();
		assertThat(CommonPasswords.contains("")).isFalse();
	}

	/**
	 * The entries of the list, as the tests' own oracle reads them.
	 * @return the entries, most frequent first
	 * @throws IOException if the resource cannot be read
	 */
	static Set<String> entries() throws IOException {
		Set<String> entries = new LinkedHashSet<>();
		for (String line : lines()) {
			if (!line.startsWith("#")) {
				entries.add(line);
			}
		}
		return entries;
	}

	private static List<String> lines() throws IOException {
		List<String> lines = new ArrayList<>();
		try (InputStream in = CommonPasswords.class.getResourceAsStream("common-passwords.txt")) {
			assertThat(in).as("io/myuser/account/common-passwords.txt").isNotNull();
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lines.add(line);
			}
		}
		return lines;
	}

}
