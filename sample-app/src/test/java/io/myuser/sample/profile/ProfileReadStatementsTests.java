package io.myuser.sample.profile;

import java.util.List;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.sample.test.RequestStatements;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET profile/} of an account that has its profile is one read-only query: the account and its profile
 * joined, no entity loaded, nothing written. Shown by recording the statements the request thread prepares.
 */
@Import(RequestStatements.class)
class ProfileReadStatementsTests extends IntegrationTestSupport {

	@Autowired
	private RequestStatements statements;

	@Test
	void reading_the_profile_is_one_statement() {
		String email = uniqueEmail();
		createUser(email, "one query passphrase");
		String access = accessToken(email, "one query passphrase");
		// The first authenticated request may note the session's activity; the reads after it are measured.
		assertThat(getWithToken(BASE + "/profile/", access).status()).isEqualTo(200);

		for (int i = 0; i < 3; i++) {
			int mark = this.statements.mark();
			HttpResult result = getWithToken(BASE + "/profile/", access);
			List<String> issued = this.statements.since(mark);

			assertThat(result.status()).isEqualTo(200);
			assertThat(result.json().get("email").asString()).isEqualTo(email);
			assertThat(issued).as("statements of GET profile/").hasSize(1);
			assertThat(issued.get(0)).startsWithIgnoringCase("select");
		}
	}

	@Test
	void an_account_without_a_profile_still_gets_one_created_on_first_read() {
		String email = uniqueEmail();
		var user = createUser(email, "no profile passphrase");
		String access = accessToken(email, "no profile passphrase");
		this.jdbc.update("delete from myuser_profile where user_id = ?", user.getId());

		HttpResult result = getWithToken(BASE + "/profile/", access);

		assertThat(result.status()).isEqualTo(200);
		assertThat(result.json().get("marketing_consent").asBoolean()).isFalse();
		assertThat(count("select count(*) from myuser_profile where user_id = ?", user.getId())).isEqualTo(1);
	}

}
