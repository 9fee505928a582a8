package io.myuser.autoconfigure.flyway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.myuser.autoconfigure.BindingReports;
import io.myuser.autoconfigure.MyUserContextRunners;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserFlywayAutoConfiguration}: MyUser's own Flyway run on H2, its place before the host's
 * Flyway and JPA, its switch, and the upgrade of a database made by the shared layout (MyUser's scripts as versions
 * 0.1 to 0.6 in the host's history).
 */
class MyUserFlywayAutoConfigurationTests {

	/** A history MyUser started: its baseline at 0 (nothing of MyUser's applied before), then every script. */
	private static final List<String> MYUSER_VERSIONS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8");

	private final ApplicationContextRunner contextRunner = MyUserContextRunners.nonWeb();

	@TempDir
	Path scripts;

	@Test
	void myUserMigratesItsTablesWithItsOwnHistory() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MyUserFlywayMigrationInitializer.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(versions(jdbc, "myuser_schema_history")).containsExactlyElementsOf(MYUSER_VERSIONS);
			// Flyway 11 opens every history with a row saying it made the table; MyUser's baseline at 0 says that
			// nothing of MyUser's had run before.
			assertThat(types(jdbc, "myuser_schema_history")).containsExactly("TABLE", "BASELINE", "SQL", "SQL", "SQL",
					"SQL", "SQL", "SQL", "SQL", "SQL");
			assertThat(scripts(jdbc, "myuser_schema_history")).containsSubsequence("<< MyUser schema history >>",
					"V1__myuser_core_tables.sql", "V6__myuser_concurrency.sql");
			// The host's Flyway is still Boot's, with its own location only; its history holds nothing of MyUser's.
			Flyway hostFlyway = context.getBean(Flyway.class);
			assertThat(hostFlyway.getConfiguration().getLocations()).extracting(Location::getDescriptor)
				.containsExactly("classpath:db/migration");
			assertThat(hostFlyway.getConfiguration().getTable()).isEqualTo("flyway_schema_history");
			// MyUser let Flyway create it first, empty, so that MyUser's tables do not make the host's Flyway refuse a
			// non-empty schema without a history.
			assertThat(types(jdbc, "flyway_schema_history")).containsExactly("TABLE");
		});
	}

	@Test
	void myUsersRunComesBeforeTheHostsFlywayAndEverythingThatUsesTheDatabase() {
		this.contextRunner.run((context) -> {
			String[] initializer = context.getBeanNamesForType(MyUserFlywayMigrationInitializer.class);
			assertThat(initializer).containsExactly("myUserFlywayMigrationInitializer");
			for (String dependent : List.of("flyway", "entityManagerFactory", "jdbcTemplate",
					"namedParameterJdbcTemplate", "myUserScheduler")) {
				BeanDefinition definition = context.getBeanFactory().getBeanDefinition(dependent);
				assertThat(definition.getDependsOn()).as(dependent).contains(initializer);
			}
			// Boot orders its own initializers in batches: the host's migration initializer needs its Flyway.
			assertThat(context.getBeanFactory().getBeanDefinition("flywayInitializer").getDependsOn())
				.contains("flyway");
			assertThat(context.getBeanFactory().getBeanDefinition("myUserFlywayMigrationInitializer").getDependsOn())
				.as("MyUser's run depends on no other initializer")
				.isNullOrEmpty();
		});
	}

	@Test
	void aHostMigrationThatRefersToMyUsersTablesRunsAfterThem() throws IOException {
		write("V1__host_note.sql", "create table host_note (id uuid primary key, owner_id uuid not null "
				+ "references myuser_user (id));");
		write("V2__host_note_text.sql", "alter table host_note add column text varchar(100);");
		this.contextRunner.withPropertyValues("spring.flyway.locations=filesystem:" + this.scripts).run((context) -> {
			assertThat(context).hasNotFailed();
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(versions(jdbc, "flyway_schema_history")).containsExactly("1", "2");
			assertThat(versions(jdbc, "myuser_schema_history")).containsExactlyElementsOf(MYUSER_VERSIONS);
		});
	}

	@Test
	void addingMyUserToAHostWithAppliedMigrationsNeedsNoOutOfOrder() throws IOException {
		write("V1__host_thing.sql", "create table host_thing (id uuid primary key);");
		write("V2__host_thing_name.sql", "alter table host_thing add column name varchar(100);");
		String url = uniqueUrl();
		hostFlyway(url, "filesystem:" + this.scripts).migrate();

		this.contextRunner.withPropertyValues("spring.datasource.url=" + url,
				"spring.flyway.locations=filesystem:" + this.scripts)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				assertThat(versions(jdbc, "flyway_schema_history")).containsExactly("1", "2");
				assertThat(versions(jdbc, "myuser_schema_history")).containsExactlyElementsOf(MYUSER_VERSIONS);
				assertThat(context.getEnvironment().getProperty("spring.flyway.out-of-order")).isNull();
			});
	}

	@Test
	void aSharedLayoutDatabaseMovesMyUsersRowsToItsOwnHistory() throws IOException {
		String url = uniqueUrl();
		Path host = sharedLayoutDatabase(url, null);
		JdbcTemplate before = new JdbcTemplate(dataSource(url));
		assertThat(versions(before, "flyway_schema_history")).containsExactly("0.1", "0.2", "0.3", "0.4", "0.5",
				"0.6", "1");
		before.update("insert into host_thing (id) values (?)", UUID.randomUUID());

		this.contextRunner.withPropertyValues("spring.datasource.url=" + url, "spring.flyway.locations=filesystem:" + host)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				assertThat(versions(jdbc, "flyway_schema_history")).containsExactly("1");
				assertThat(jdbc.queryForList("select \"type\", \"version\", \"description\" from "
						+ "\"myuser_schema_history\" where \"type\" <> 'TABLE' order by \"installed_rank\"").toString())
					.isEqualTo("[{type=BASELINE, version=6, description=MyUser 0.1 to 0.6 moved from "
							+ "flyway_schema_history}, {type=SQL, version=7, description=myuser rate limit}, "
							+ "{type=SQL, version=8, description=myuser social login}]");
				assertThat(jdbc.queryForObject("select count(*) from host_thing", Long.class)).isOne();
				// The host's Flyway validates its history, now without MyUser's rows, and finds nothing missing.
				assertThat(context.getBean(Flyway.class).validateWithResult().validationSuccessful).isTrue();
			});
	}

	@Test
	void aSharedLayoutDatabaseOfAnOlderMyUserGetsTheMissingScriptsInItsOwnHistory() throws IOException {
		String url = uniqueUrl();
		Path host = sharedLayoutDatabase(url, "0.3");

		this.contextRunner.withPropertyValues("spring.datasource.url=" + url, "spring.flyway.locations=filesystem:" + host)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				assertThat(versions(jdbc, "flyway_schema_history")).containsExactly("1");
				assertThat(versions(jdbc, "myuser_schema_history")).containsExactly("3", "4", "5", "6", "7", "8");
				assertThat(types(jdbc, "myuser_schema_history")).containsExactly("TABLE", "BASELINE", "SQL", "SQL",
						"SQL", "SQL", "SQL");
			});
	}

	@Test
	void anUpgradeThatStoppedAfterTheBaselineFinishesOnTheNextStart() throws IOException {
		String url = uniqueUrl();
		Path host = sharedLayoutDatabase(url, null);
		// As if the first start had died between recording the baseline and deleting the host's rows.
		Flyway.configure()
			.dataSource(dataSource(url))
			.locations(MyUserFlywayAutoConfiguration.LOCATION)
			.table("myuser_schema_history")
			.baselineVersion("6")
			.baselineDescription("MyUser 0.1 to 0.6 moved from flyway_schema_history")
			.load()
			.baseline();

		this.contextRunner.withPropertyValues("spring.datasource.url=" + url, "spring.flyway.locations=filesystem:" + host)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				assertThat(versions(jdbc, "flyway_schema_history")).containsExactly("1");
				assertThat(versions(jdbc, "myuser_schema_history")).containsExactly("6", "7", "8");
			});
	}

	@Test
	void aSharedLayoutHistoryWithAnEditedMyUserScriptStopsStartupAndKeepsTheHostsRows() throws IOException {
		String url = uniqueUrl();
		Path host = sharedLayoutDatabase(url, null);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource(url));
		jdbc.update("update \"flyway_schema_history\" set \"checksum\" = 42 where \"version\" = '0.4'");

		this.contextRunner.withPropertyValues("spring.datasource.url=" + url, "spring.flyway.locations=filesystem:" + host)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("MyUser's migration 0.4 ran with another content (checksum 42)")
					.hasMessageContaining("Upgrading from the shared history");
			});
		assertThat(versions(jdbc, "flyway_schema_history")).contains("0.1", "0.6", "1");
		assertThat(tableExists(jdbc, "myuser_schema_history")).isFalse();
	}

	@Test
	void aSharedLayoutHistoryWithAGapStopsStartup() throws IOException {
		String url = uniqueUrl();
		Path host = sharedLayoutDatabase(url, null);
		new JdbcTemplate(dataSource(url)).update("delete from \"flyway_schema_history\" where \"version\" = '0.2'");

		this.contextRunner.withPropertyValues("spring.datasource.url=" + url, "spring.flyway.locations=filesystem:" + host)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("do not run from 0.1 without a gap (found 0.3 after 0.1)"));
	}

	@Test
	void myUsersTablesWithoutAnyHistoryStopStartupWithAnExplanation() {
		String url = uniqueUrl();
		Flyway.configure()
			.dataSource(dataSource(url))
			.locations(MyUserFlywayAutoConfiguration.LOCATION)
			.table("some_other_history")
			.load()
			.migrate();

		this.contextRunner.withPropertyValues("spring.datasource.url=" + url)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("MyUser's tables exist")
				.hasMessageContaining("myuser.flyway.baseline-version"));
	}

	@Test
	void aBaselineVersionAdoptsTablesMadeWithoutMyUsersRun() {
		String url = uniqueUrl();
		Flyway.configure()
			.dataSource(dataSource(url))
			.locations(MyUserFlywayAutoConfiguration.LOCATION)
			.table("some_other_history")
			.target("5")
			.load()
			.migrate();

		// This host keeps its own tables some other way; its Flyway would refuse a schema with tables and no history.
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + url, "myuser.flyway.baseline-version=66",
					"spring.flyway.enabled=false")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("baseline-version is 66, which is not the version of one of MyUser's scripts"));
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + url, "myuser.flyway.baseline-version=5",
					"spring.flyway.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(versions(context.getBean(JdbcTemplate.class), "myuser_schema_history"))
					.containsExactly("5", "6", "7", "8");
			});
	}

	@Test
	void theHostTablePropertyNamesWhereTheSharedLayoutRecordedMyUsersScripts() throws IOException {
		String url = uniqueUrl();
		Path host = sharedLayoutDatabase(url, null, "host_history");

		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + url, "spring.flyway.locations=filesystem:" + host,
					"spring.flyway.table=host_history")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				assertThat(versions(jdbc, "host_history")).containsExactly("1");
				assertThat(versions(jdbc, "myuser_schema_history")).containsExactly("6", "7", "8");
			});
	}

	@Test
	void switchedOffMyUserRunsNoMigrationAndTouchesNoHistory() {
		this.contextRunner
			.withPropertyValues("myuser.flyway.enabled=false", "spring.jpa.hibernate.ddl-auto=create-drop")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(MyUserFlywayMigrationInitializer.class);
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				assertThat(tableExists(jdbc, "myuser_schema_history")).isFalse();
				assertThat(tableExists(jdbc, "myuser_scheduled_tasks")).as("made by MyUser's scripts only").isFalse();
			});
	}

	@Test
	void withoutFlywayTheRunIsAbsent() {
		// Without Flyway the host creates the schema some other way; here Hibernate does.
		this.contextRunner.withClassLoader(new FilteredClassLoader(Flyway.class))
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=create-drop")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MyUserFlywayMigrationInitializer.class)
				.doesNotHaveBean(Flyway.class));
	}

	@Test
	void myUsersRunDoesNotNeedTheHostsFlyway() {
		this.contextRunner.withPropertyValues("spring.flyway.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(Flyway.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(versions(jdbc, "myuser_schema_history")).containsExactlyElementsOf(MYUSER_VERSIONS);
			assertThat(tableExists(jdbc, "flyway_schema_history")).as("no host Flyway, no host history").isFalse();
			// Spring Boot hears that Flyway manages this schema, so Hibernate's default on H2 is not create-drop.
			SchemaManagementProvider provider = context.getBean("myUserFlywaySchemaManagementProvider",
					SchemaManagementProvider.class);
			assertThat(provider.getSchemaManagement(context.getBean(DataSource.class)))
				.isEqualTo(SchemaManagement.MANAGED);
			assertThat(provider.getSchemaManagement(new DriverManagerDataSource(uniqueUrl())))
				.isEqualTo(SchemaManagement.UNMANAGED);
		});
	}

	@Test
	void myUsersRunConnectsWhereTheHostsFlywayConnects() {
		String applicationUrl = uniqueUrl();
		String migrationUrl = uniqueUrl();
		// spring.flyway.url sends the host's Flyway to another database (say, with a user that may change the
		// schema); MyUser's run follows it. The application's database then has no tables, so the context stops
		// later, when MyUser's beans first read them; only where the migrations went matters here.
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + applicationUrl, "spring.flyway.url=" + migrationUrl,
					"spring.flyway.user=sa", "spring.jpa.hibernate.ddl-auto=none", "myuser.jobs.enabled=false")
			.run((context) -> {
				JdbcTemplate migrated = new JdbcTemplate(dataSource(migrationUrl));
				assertThat(versions(migrated, "myuser_schema_history")).containsExactlyElementsOf(MYUSER_VERSIONS);
				assertThat(tableExists(new JdbcTemplate(dataSource(applicationUrl)), "myuser_schema_history"))
					.isFalse();
			});
	}

	@Test
	void theHistoryTableCanBeRenamed() {
		this.contextRunner.withPropertyValues("myuser.flyway.table=accounts_schema_history").run((context) -> {
			assertThat(context).hasNotFailed();
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(versions(jdbc, "accounts_schema_history")).containsExactlyElementsOf(MYUSER_VERSIONS);
			assertThat(tableExists(jdbc, "myuser_schema_history")).isFalse();
		});
	}

	@Test
	void sharingTheHostsHistoryTableIsRefused() {
		this.contextRunner.withPropertyValues("spring.flyway.table=myuser_schema_history")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("must differ: MyUser keeps a schema history of its own"));
	}

	@Test
	void aHostLocationHoldingMyUsersScriptsIsRefused() {
		for (String location : List.of(MyUserFlywayAutoConfiguration.LOCATION, "classpath:db/myuser", "classpath:db",
				"classpath:db/migration," + MyUserFlywayAutoConfiguration.LOCATION)) {
			this.contextRunner.withPropertyValues("spring.flyway.locations=" + location)
				.run((context) -> assertThat(context).as(location)
					.getFailure()
					.rootCause()
					.hasMessageContaining("holds MyUser's scripts (classpath:db/myuser/migration)")
					.hasMessageContaining("myuser.flyway.enabled=false"));
		}
		this.contextRunner.withPropertyValues("spring.flyway.locations=classpath:db/migration,classpath:db/my")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void customizersAdjustMyUsersFlywayOnly() {
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForList("select distinct \"installed_by\" from \"myuser_schema_history\"",
					String.class))
				.containsExactly("myuser-customized");
			assertThat(context.getBean(Flyway.class).getConfiguration().getInstalledBy()).isNotEqualTo(
					"myuser-customized");
		});
	}

	@Test
	void propertiesAreCheckedAtStartupWithTheBindingReport() {
		BindingReports.assertRefused(this.contextRunner, "myuser.flyway.baseline-version", "0.6",
				"must be the version of one of MyUser's migrations, such as 6");
		BindingReports.assertRefused(this.contextRunner, "myuser.flyway.table", "", "must not be blank");
	}

	@Test
	void nothingIsContributedWhenMyUserIsDisabled() {
		this.contextRunner.withPropertyValues("myuser.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MyUserFlywayMigrationInitializer.class)
				.doesNotHaveBean(MyUserFlywayProperties.class)
				.doesNotHaveBean("myUserFlywayLocationCheck")
				.doesNotHaveBean("myUserFlywaySchemaManagementProvider"));
	}

	/**
	 * Make a database as the shared layout did: MyUser's scripts under their old names, versions 0.1 to 0.6, run by
	 * the host's Flyway in its history, with a migration of the host's own.
	 * @param url the database
	 * @param target the last MyUser version applied, or {@code null} for all
	 * @return the host's script location
	 */
	private Path sharedLayoutDatabase(String url, String target) throws IOException {
		return sharedLayoutDatabase(url, target, "flyway_schema_history");
	}

	private Path sharedLayoutDatabase(String url, String target, String table) throws IOException {
		// An older release shipped only the scripts up to its last one.
		int last = (target != null) ? Integer.parseInt(target.substring(2)) : SharedLayoutHistory.DESCRIPTIONS.size();
		Path old = Files.createDirectories(this.scripts.resolve("old-myuser"));
		for (int i = 0; i < last; i++) {
			String description = SharedLayoutHistory.DESCRIPTIONS.get(i);
			try (InputStream in = new ClassPathResource("db/myuser/migration/V" + (i + 1) + "__" + description + ".sql")
				.getInputStream()) {
				Files.copy(in, old.resolve("V0_" + (i + 1) + "__" + description + ".sql"));
			}
		}
		Path host = Files.createDirectories(this.scripts.resolve("host"));
		Files.writeString(host.resolve("V1__host_thing.sql"), "create table host_thing (id uuid primary key);",
				StandardCharsets.UTF_8);
		Flyway.configure()
			.dataSource(dataSource(url))
			.table(table)
			.locations("filesystem:" + old, "filesystem:" + host)
			.load()
			.migrate();
		return host;
	}

	private void write(String name, String sql) throws IOException {
		Files.writeString(this.scripts.resolve(name), sql, StandardCharsets.UTF_8);
	}

	private static Flyway hostFlyway(String url, String location) {
		return Flyway.configure().dataSource(dataSource(url)).locations(location).load();
	}

	private static String uniqueUrl() {
		return "jdbc:h2:mem:myuser-flyway-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
	}

	private static DataSource dataSource(String url) {
		return new DriverManagerDataSource(url, "sa", "");
	}

	private static List<String> versions(JdbcTemplate jdbc, String table) {
		return jdbc.queryForList("select \"version\" from \"" + table + "\" where \"success\" = true and \"version\" "
				+ "is not null order by \"installed_rank\"", String.class);
	}

	private static List<String> scripts(JdbcTemplate jdbc, String table) {
		return jdbc.queryForList("select \"script\" from \"" + table + "\" order by \"installed_rank\"", String.class);
	}

	private static List<String> types(JdbcTemplate jdbc, String table) {
		return jdbc.queryForList("select \"type\" from \"" + table + "\" order by \"installed_rank\"", String.class);
	}

	private static boolean tableExists(JdbcTemplate jdbc, String table) {
		Long count = jdbc.queryForObject(
				"select count(*) from information_schema.tables where lower(table_name) = ?", Long.class, table);
		return count != null && count > 0;
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		MyUserFlywayConfigurationCustomizer installedByCustomizer() {
			return (configuration) -> configuration.installedBy("myuser-customized");
		}

	}

}
