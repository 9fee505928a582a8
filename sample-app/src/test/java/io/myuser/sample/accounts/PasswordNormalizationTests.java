package io.myuser.sample.accounts;

import java.time.Duration;
import java.util.Map;

import io.myuser.account.EmailLinkTokenPurpose;
import io.myuser.account.EmailLinkTokenService;
import io.myuser.account.User;
import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords are Unicode-normalised (NFKC) before the policy, hashing and verification: a password set with its
 * accents as letter plus combining mark logs in typed with precomposed letters, and the other way round, through
 * registration, reset, change and login over HTTP. Hashes made before normalisation keep working.
 */
abstract class PasswordNormalizationTests extends IntegrationTestSupport {

	/** "Crème brûlée au café" with precomposed accents, as most keyboards type it. */
	private static final String COMPOSED = "Cr\u00e8me br\u00fbl\u00e9e au caf\u00e9";

	/** The same passphrase with each accent as letter plus combining mark, as some systems send it. */
	private static final String DECOMPOSED = "Cre\u0300me bru\u0302le\u0301e au cafe\u0301";

	@Autowired
	private EmailLinkTokenService emailLinkTokens;

	/** MyUser's encoder bean as the host sees it: it does not normalise; MyUser's services wrap it. */
	@Autowired
	private PasswordEncoder passwordEncoder;

	@Test
	void a_password_registered_decomposed_logs_in_composed_and_the_other_way_round() {
		assertThat(DECOMPOSED).isNotEqualTo(COMPOSED);
		String decomposedAccount = registerAndVerify(DECOMPOSED, DECOMPOSED);
		String composedAccount = registerAndVerify(COMPOSED, COMPOSED);

		assertThat(login(decomposedAccount, COMPOSED).status()).isEqualTo(200);
		assertThat(login(decomposedAccount, DECOMPOSED).status()).isEqualTo(200);
		assertThat(login(composedAccount, DECOMPOSED).status()).isEqualTo(200);
		assertThat(login(composedAccount, COMPOSED).status()).isEqualTo(200);
		assertThat(login(composedAccount, COMPOSED.replace('\u00e9', 'e')).status()).as("another password")
			.isEqualTo(401);
		String stored = storedHash(decomposedAccount);
		assertThat(this.passwordEncoder.matches(COMPOSED, stored)).as("the normalised form was hashed").isTrue();
		assertThat(this.passwordEncoder.matches(DECOMPOSED, stored)).isFalse();
	}

	@Test
	void the_confirmation_may_spell_the_password_the_other_way() {
		// The registration's mail job would issue its own key and retire the one this test issues.
		pauseJobs();
		String email = uniqueEmail();

		HttpResult result = register(email, COMPOSED, DECOMPOSED);

		assertThat(result.status()).as(result.body()).isEqualTo(201);
		verify(this.accounts.findByEmail(email).orElseThrow());
		assertThat(login(email, DECOMPOSED).status()).isEqualTo(200);
	}

	@Test
	void the_policy_counts_the_normalised_form() {
		// 7 accented letters: 14 code points as letter plus mark, 7 characters once normalised, one short of 8.
		String email = uniqueEmail();
		HttpResult tooShort = register(email, "e\u0301".repeat(3) + "a\u0300".repeat(4),
				"e\u0301".repeat(3) + "a\u0300".repeat(4));
		// Full-width "password1" is the common password once normalised.
		HttpResult common = register(email, "\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44\uff11",
				"\uff50\uff41\uff53\uff53\uff57\uff4f\uff52\uff44\uff11");

		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.json().get("errors").get("password1").get(0).asString()).contains("at least 8");
		assertThat(common.status()).isEqualTo(400);
		assertThat(common.json().get("errors").get("password1").get(0).asString()).contains("too common");
		assertThat(this.accounts.findByEmail(email)).isEmpty();
	}

	@Test
	void a_password_reset_to_one_form_logs_in_with_the_other() {
		String email = uniqueEmail();
		User user = createUser(email, "an old and forgotten passphrase");
		String token = key(user, EmailLinkTokenPurpose.PASSWORD_RESET);

		HttpResult reset = postJson(BASE + "/password/reset/confirm/", json(Map.of("token", token, "new_password1",
				DECOMPOSED, "new_password2", COMPOSED)));

		assertThat(reset.status()).as(reset.body()).isEqualTo(200);
		assertThat(login(email, COMPOSED).status()).isEqualTo(200);
		assertThat(login(email, DECOMPOSED).status()).isEqualTo(200);
	}

	@Test
	void a_password_change_takes_the_old_password_in_either_form_and_the_new_one_works_in_either() {
		String email = uniqueEmail();
		createUser(email, DECOMPOSED);
		String access = accessToken(email, COMPOSED);
		String newComposed = "\u00c5ngstr\u00f6m na\u00efve r\u00e9sum\u00e9";
		String newDecomposed = "A\u030angstro\u0308m nai\u0308ve re\u0301sume\u0301";

		HttpResult changed = postJson(BASE + "/password/change/", json(Map.of("old_password", COMPOSED,
				"new_password1", newDecomposed, "new_password2", newDecomposed)), "Authorization", "Bearer " + access);

		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(login(email, newComposed).status()).isEqualTo(200);
		assertThat(login(email, newDecomposed).status()).isEqualTo(200);
		assertThat(login(email, COMPOSED).status()).isEqualTo(401);
		assertThat(login(email, DECOMPOSED).status()).isEqualTo(401);
		// U+212B ANGSTROM SIGN is the same letter again.
		assertThat(login(email, "\u212bngstr\u00f6m na\u00efve r\u00e9sum\u00e9").status()).isEqualTo(200);
	}

	@Test
	void a_hash_made_before_normalisation_still_logs_in_with_the_form_it_was_made_from() {
		String email = uniqueEmail();
		User user = createUser(email, "a placeholder passphrase");
		// As MyUser stored it before passwords were normalised: a hash of the decomposed form as entered.
		this.jdbc.update("update myuser_user set password_hash = ? where id = ?",
				this.passwordEncoder.encode(DECOMPOSED), user.getId());

		assertThat(login(email, DECOMPOSED).status()).isEqualTo(200);
		assertThat(login(email, "a placeholder passphrase").status()).isEqualTo(401);
		String access = accessToken(email, DECOMPOSED);
		HttpResult changed = postJson(BASE + "/password/change/", json(Map.of("old_password", DECOMPOSED,
				"new_password1", DECOMPOSED, "new_password2", DECOMPOSED)), "Authorization", "Bearer " + access);
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(login(email, COMPOSED).status()).as("rehashed in normal form by the change").isEqualTo(200);
	}

	private String registerAndVerify(String password1, String password2) {
		pauseJobs();
		String email = uniqueEmail();
		HttpResult result = register(email, password1, password2);
		assertThat(result.status()).as(result.body()).isEqualTo(201);
		verify(this.accounts.findByEmail(email).orElseThrow());
		return email;
	}

	private void verify(User user) {
		HttpResult verified = postJson(BASE + "/registration/verify-email/",
				json(Map.of("key", key(user, EmailLinkTokenPurpose.EMAIL_VERIFICATION))));
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
	}

	private HttpResult register(String email, String password1, String password2) {
		return postJson(BASE + "/registration/", json(Map.of("email", email, "password1", password1, "password2",
				password2, "first_name", "Grace", "last_name", "Hopper")));
	}

	private String key(User user, EmailLinkTokenPurpose purpose) {
		return this.emailLinkTokens.issue(user.getId(), user.getEmail(), purpose, Duration.ofHours(1)).orElseThrow().token();
	}

	private String storedHash(String email) {
		return this.jdbc.queryForObject("select password_hash from myuser_user where email_canonical = ?",
				String.class, email.toLowerCase(java.util.Locale.ROOT));
	}

}
