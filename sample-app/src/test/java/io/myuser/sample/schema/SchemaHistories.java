package io.myuser.sample.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reading Flyway history tables, and making a database the way the shared layout made it: before MyUser kept a
 * history of its own, its scripts were named {@code V0_1__...} to {@code V0_6__...} and the host's Flyway ran them
 * with the host's own, in the host's history.
 */
final class SchemaHistories {

	/** MyUser's scripts of the shared layout's last release (V1 to V6), in version order, as they are named today. */
	static final List<String> MYUSER_SCRIPTS = List.of("V1__myuser_core_tables.sql",
			"V2__myuser_token_lifecycle.sql", "V3__myuser_scheduled_tasks.sql", "V4__myuser_one_time_tokens.sql",
			"V5__myuser_gdpr_processing.sql", "V6__myuser_concurrency.sql");

	private SchemaHistories() {
	}

	/**
	 * Migrate a database as the shared layout did: MyUser's scripts under their old names and the sample's
	 * {@code V1} (the only host migration of that release), all in {@code flyway_schema_history}.
	 * @param dataSource the database
	 * @param scratch a directory for the renamed scripts
	 */
	static void migrateSharedLayout(DataSource dataSource, Path scratch) throws IOException {
		migrateSharedLayout(dataSource, scratch, MYUSER_SCRIPTS.size());
	}

	/**
	 * Migrate a database as an older release of the shared layout did, which shipped fewer of MyUser's scripts.
	 * @param dataSource the database
	 * @param scratch a directory for the renamed scripts
	 * @param myUserScripts how many of MyUser's scripts that release had
	 */
	static void migrateSharedLayout(DataSource dataSource, Path scratch, int myUserScripts) throws IOException {
		Path old = Files.createDirectories(scratch.resolve("shared-layout-myuser"));
		for (int i = 0; i < myUserScripts; i++) {
			String script = MYUSER_SCRIPTS.get(i);
			try (InputStream in = new ClassPathResource("db/myuser/migration/" + script).getInputStream()) {
				Files.copy(in, old.resolve("V0_" + script.substring(1)));
			}
		}
		Flyway.configure()
			.dataSource(dataSource)
			.locations("filesystem:" + old, "classpath:db/migration")
			.target("1")
			.load()
			.migrate();
	}

	/** The versions recorded in a history table, in the order they were applied, without Flyway's own rows. */
	static List<String> versions(JdbcTemplate jdbc, String table) {
		return jdbc.queryForList("select \"version\" from \"" + table + "\" where \"success\" = true and "
				+ "\"version\" is not null order by \"installed_rank\"", String.class);
	}

	/** The scripts recorded in a history table, in the order they were applied. */
	static List<String> scripts(JdbcTemplate jdbc, String table) {
		return jdbc.queryForList("select \"script\" from \"" + table + "\" order by \"installed_rank\"", String.class);
	}

	/** Every row of a history table, every column but the time of installation, for comparing before and after. */
	static List<Map<String, Object>> rows(JdbcTemplate jdbc, String table) {
		return jdbc.queryForList("select \"installed_rank\", \"version\", \"description\", \"type\", \"script\", "
				+ "\"checksum\", \"installed_by\", \"installed_on\", \"success\" from \"" + table
				+ "\" order by \"installed_rank\"");
	}

	/** Whether a table exists, whatever case the database stored its name in. */
	static boolean tableExists(JdbcTemplate jdbc, String table) {
		Long count = jdbc.queryForObject(
				"select count(*) from information_schema.tables where lower(table_name) = ?", Long.class, table);
		return count != null && count > 0;
	}

}
