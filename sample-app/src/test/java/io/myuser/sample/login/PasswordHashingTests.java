package io.myuser.sample.login;

import io.myuser.account.User;
import io.myuser.sample.test.CountingPasswordEncoder;
import io.myuser.sample.test.CountingPasswordEncoderConfiguration;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password hashing through the host-replaceable {@link org.springframework.security.crypto.password.PasswordEncoder}
 * bean: every failed login costs exactly one hash comparison whether or not the address is registered (no timing
 * oracle), and old hashes are upgraded at the next successful login.
 */
@Import(CountingPasswordEncoderConfiguration.class)
class PasswordHashingTests extends IntegrationTestSupport {

	private static final String PASSWORD = "hashing is not free";

	@Autowired
	private CountingPasswordEncoder encoder;

	@BeforeEach
	void warmUp() {
		// The first unknown-user login computes the equaliser hash once; keep it out of the counts.
		login(uniqueEmail(), PASSWORD);
	}

	@Test
	void the_host_password_encoder_bean_replaces_the_default() {
		// The warm-up login already hashed once (the equaliser): count only what creating the account does.
		int before = this.encoder.encodes();

		User user = createUser(uniqueEmail(), PASSWORD);

		String stored = this.jdbc.queryForObject("select password_hash from myuser_user where id = ?", String.class,
				user.getId());
		assertThat(stored).startsWith("{argon2}");
		assertThat(this.encoder.encodes() - before).as("one hash, by the host's encoder").isOne();
		assertThat(this.encoder.produced(stored)).as("the stored hash is the one the host's encoder made").isTrue();
	}

	@Test
	void every_failed_login_costs_exactly_one_hash_comparison() {
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		String inactive = uniqueEmail();
		this.accounts.setActive(createUser(inactive, PASSWORD).getId(), false);

		assertThat(comparisonsFor(() -> login(uniqueEmail(), PASSWORD))).as("unknown email").isOne();
		assertThat(comparisonsFor(() -> login(email, "not the password"))).as("wrong password").isOne();
		assertThat(comparisonsFor(() -> login(inactive, PASSWORD))).as("inactive account").isOne();
		assertThat(comparisonsFor(() -> login(email, PASSWORD))).as("success").isOne();
	}

	@Test
	void a_failed_login_with_an_unnormalised_password_costs_the_same_for_known_and_unknown_addresses() {
		// The normal form fails, then the form as entered is tried (hashes made before normalisation): two
		// comparisons, for a registered address and for an unknown one alike.
		String email = uniqueEmail();
		createUser(email, PASSWORD);
		String decomposed = "not the passwo\u0301rd";

		assertThat(comparisonsFor(() -> login(uniqueEmail(), decomposed))).as("unknown email").isEqualTo(2);
		assertThat(comparisonsFor(() -> login(email, decomposed))).as("wrong password").isEqualTo(2);
		assertThat(comparisonsFor(() -> login(email, PASSWORD))).as("success").isOne();
	}

	@Test
	void an_account_without_a_password_also_costs_one_comparison_and_is_refused() {
		String email = uniqueEmail();
		this.accounts.createUser(new io.myuser.account.NewUser(email, null, "", "", true, false),
				io.myuser.support.ClientInfo.NONE);

		assertThat(comparisonsFor(() -> assertThat(login(email, PASSWORD).status()).isEqualTo(401))).isOne();
	}

	@Test
	void a_bcrypt_hash_is_upgraded_to_argon2_at_the_next_successful_login() {
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);
		this.jdbc.update("update myuser_user set password_hash = ? where id = ?",
				"{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD), user.getId());

		assertThat(login(email, PASSWORD).status()).isEqualTo(200);

		String hash = this.jdbc.queryForObject("select password_hash from myuser_user where id = ?", String.class,
				user.getId());
		assertThat(hash).startsWith("{argon2}");
		assertThat(login(email, PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void a_stored_hash_of_unknown_format_refuses_the_login_without_a_server_error() {
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);
		this.jdbc.update("update myuser_user set password_hash = ? where id = ?", PASSWORD, user.getId());

		assertThat(login(email, PASSWORD).status()).isEqualTo(401);
		assertThat(count("select count(*) from myuser_audit_log where user_id = ? and event_type = 'LOGIN_FAILED'",
				user.getId())).isOne();
	}

	@Test
	void pbkdf2_hashes_of_springs_default_encoder_are_read_and_upgraded() {
		String email = uniqueEmail();
		User user = createUser(email, PASSWORD);
		this.jdbc.update("update myuser_user set password_hash = ? where id = ?", "{pbkdf2}"
				+ org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_5()
					.encode(PASSWORD),
				user.getId());

		assertThat(login(email, PASSWORD).status()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select password_hash from myuser_user where id = ?", String.class,
				user.getId())).startsWith("{argon2}");
	}

	private int comparisonsFor(Runnable action) {
		int before = this.encoder.matches();
		action.run();
		return this.encoder.matches() - before;
	}

}
