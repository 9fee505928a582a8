package io.myuser.account;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.scrypt.SCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MyUserPasswordEncoders}. Argon2 is slow on purpose, so each test hashes at most once.
 */
class MyUserPasswordEncodersTests {

	private static final String PASSWORD = "correct horse battery staple";

	private final DelegatingPasswordEncoder encoder = MyUserPasswordEncoders.createDelegatingPasswordEncoder();

	@Test
	void encodeThenArgon2idHashThatMatchesOnlyThePassword() {
		String hash = this.encoder.encode(PASSWORD);
		assertThat(hash).startsWith("{argon2}$argon2id$");
		assertThat(hash).doesNotContain(PASSWORD);
		assertThat(this.encoder.matches(PASSWORD, hash)).isTrue();
		assertThat(this.encoder.matches(PASSWORD + " ", hash)).isFalse();
		assertThat(this.encoder.upgradeEncoding(hash)).isFalse();
	}

	@Test
	void matchesWhenBcryptHashThenMatchesAndNeedsUpgrade() {
		String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
		assertThat(this.encoder.matches(PASSWORD, hash)).isTrue();
		assertThat(this.encoder.matches("wrong", hash)).isFalse();
		assertThat(this.encoder.upgradeEncoding(hash)).isTrue();
	}

	@Test
	void matchesWhen200CharacterPasswordThenEveryCharacterCounts() {
		String password = "p".repeat(100) + "\u00e9".repeat(50) + "q".repeat(49) + "z";
		assertThat(password).hasSize(200);
		String hash = this.encoder.encode(password);
		assertThat(this.encoder.matches(password, hash)).isTrue();
		assertThat(this.encoder.matches(password.substring(0, 199) + "y", hash)).isFalse();
		// bcrypt would stop at 72 bytes
		assertThat(this.encoder.matches(password.substring(0, 72), hash)).isFalse();
	}

	@Test
	void matchesWhenPlainTextOrUnknownIdThenNeverTrue() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.encoder.matches(PASSWORD, "{noop}" + PASSWORD));
		assertThatIllegalArgumentException().isThrownBy(() -> this.encoder.matches(PASSWORD, PASSWORD));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.encoder.matches("x", "{MD5}9dd4e461268c8034f5c8564e155c67a6"));
	}

	@Test
	void matchesWhenScryptHashThenMatchesAndNeedsUpgrade() {
		// scrypt hashes carry their own cost parameters, so a cheap one is read like a default one.
		String hash = "{scrypt@SpringSecurity_v5_8}" + new SCryptPasswordEncoder(16, 8, 1, 32, 16).encode(PASSWORD);
		assertThat(this.encoder.matches(PASSWORD, hash)).isTrue();
		assertThat(this.encoder.matches("wrong", hash)).isFalse();
		assertThat(this.encoder.upgradeEncoding(hash)).isTrue();
	}

	@Test
	void upgradeEncodingWhenPbkdf2HashThenTrue() {
		// PBKDF2 hashes do not carry their iteration count; matching one costs 310,000 iterations, so only the id
		// is checked here.
		assertThat(this.encoder.upgradeEncoding("{pbkdf2@SpringSecurity_v5_8}00112233")).isTrue();
	}

}
