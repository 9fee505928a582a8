package io.myuser.sample.schema;

import java.util.List;
import java.util.Map;

import io.myuser.sample.test.HttpResult;
import io.myuser.sample.test.IntegrationTestSupport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application, a host with Flyway migrations of its own (V1 and V2), started on a new database: MyUser
 * migrates its tables with its own history, the host's history holds only the host's versions, and no
 * out-of-order setting is needed.
 */
abstract class SchemaHistoryTests extends IntegrationTestSupport {

	@Autowired
	private Flyway hostFlyway;

	@Test
	void the_hosts_history_holds_only_the_hosts_migrations() {
		assertThat(SchemaHistories.versions(this.jdbc, "flyway_schema_history")).containsExactly("1", "2");
		assertThat(SchemaHistories.scripts(this.jdbc, "flyway_schema_history"))
			.noneMatch((script) -> script.contains("myuser"));
	}

	@Test
	void myusers_history_holds_myusers_migrations() {
		assertThat(SchemaHistories.versions(this.jdbc, "myuser_schema_history")).containsExactly("0", "1", "2", "3",
				"4", "5", "6", "7", "8");
		assertThat(SchemaHistories.scripts(this.jdbc, "myuser_schema_history")).contains("V1__myuser_core_tables.sql",
				"V6__myuser_concurrency.sql", "V7__myuser_rate_limit.sql", "V8__myuser_social_login.sql");
	}

	@Test
	void no_out_of_order_setting_is_needed() {
		assertThat(this.hostFlyway.getConfiguration().isOutOfOrder()).isFalse();
		assertThat(this.hostFlyway.validateWithResult().validationSuccessful).isTrue();
	}

	@Test
	void an_account_in_myusers_tables_logs_in_and_writes_to_the_hosts_table() {
		String email = uniqueEmail();
		createUser(email, "correct horse battery staple");
		String access = accessToken(email, "correct horse battery staple");

		HttpResult note = postJson("/api/notes", json(Map.of("text", "kept in sample_note")), "Authorization",
				"Bearer " + access);
		HttpResult notes = getWithToken("/api/notes", access);

		assertThat(note.status()).as(note.body()).isEqualTo(201);
		assertThat(notes.status()).isEqualTo(200);
		assertThat(notes.body()).contains("kept in sample_note");
		assertThat(this.jdbc.queryForList("select text from sample_note n join myuser_user u on u.id = n.owner_id "
				+ "where u.email = ?", String.class, email)).isEqualTo(List.of("kept in sample_note"));
	}

}
