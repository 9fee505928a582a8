package io.myuser.sample.tokens;

import java.util.List;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import io.myuser.sample.test.RequestStatements;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a refresh with rotation asks of the database, counted on the request thread: the session row locked and
 * read in one statement, the presented token's row locked, the account read (for what the access token carries),
 * the new token stored, the session's activity written and the presented token marked rotated.
 */
@Import(RequestStatements.class)
class RefreshStatementsTests extends IntegrationTestSupport {

	@Autowired
	private RequestStatements statements;

	@Test
	void a_refresh_with_rotation_takes_six_statements_in_that_order() {
		String email = uniqueEmail();
		createUser(email, "refresh statements passphrase");
		String refresh = login(email, "refresh statements passphrase").json().get("refresh").asString();
		for (int i = 0; i < 3; i++) {
			int mark = this.statements.mark();
			HttpResult result = refresh(refresh);
			List<String> issued = this.statements.since(mark);

			assertThat(result.status()).isEqualTo(200);
			assertThat(issued).as("statements of a refresh").hasSize(6);
			assertThat(issued.get(0)).contains("myuser_user_session").containsIgnoringCase("for update");
			assertThat(issued.get(1)).contains("myuser_refresh_token").containsIgnoringCase("for update");
			assertThat(issued.get(2)).startsWithIgnoringCase("select").contains("myuser_user ");
			assertThat(issued.get(3)).startsWithIgnoringCase("insert into myuser_refresh_token");
			assertThat(issued.get(4)).startsWithIgnoringCase("update myuser_user_session");
			assertThat(issued.get(5)).startsWithIgnoringCase("update myuser_refresh_token");
			refresh = result.json().get("refresh").asString();
		}
	}

}
