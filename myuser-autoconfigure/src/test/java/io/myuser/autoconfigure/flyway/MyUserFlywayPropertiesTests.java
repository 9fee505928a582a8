package io.myuser.autoconfigure.flyway;

import io.myuser.autoconfigure.BindingReports;
import io.myuser.autoconfigure.MyUserContextRunners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserFlywayProperties}: defaults, accepted values, and the binding report of a value that
 * breaks a rule.
 */
class MyUserFlywayPropertiesTests {

	private final ApplicationContextRunner contextRunner = MyUserContextRunners.nonWeb();

	@Test
	void defaultsStart() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			MyUserFlywayProperties properties = context.getBean(MyUserFlywayProperties.class);
			assertThat(properties.getTable()).isEqualTo("myuser_schema_history");
			assertThat(properties.getHostTable()).isNull();
			assertThat(properties.getBaselineVersion()).isNull();
		});
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			myuser.flyway.table            | ''                    | must not be blank
			myuser.flyway.host-table       | ''                    | must not be blank when set
			myuser.flyway.host-table       | myuser_schema_history | must name another table than myuser.flyway.table
			myuser.flyway.baseline-version | 0.6                   | must be the version of one of MyUser's migrations, such as 6
			myuser.flyway.baseline-version | 0                     | must be the version of one of MyUser's migrations
			myuser.flyway.baseline-version | V6                    | must be the version of one of MyUser's migrations
			myuser.flyway.baseline-version | ''                    | must be the version of one of MyUser's migrations
			""")
	void startupFailsWithTheBindingReportWhenAValueBreaksARule(String property, String value, String reason) {
		BindingReports.assertRefused(this.contextRunner, property, value, reason);
	}

	@Test
	void theHistoryTablesMustDifferAlsoWhenBothAreSet() {
		this.contextRunner
			.withPropertyValues("myuser.flyway.table=shared_history", "myuser.flyway.host-table=shared_history")
			.run(BindingReports.refuses("myuser.flyway.host-table",
					"must name another table than myuser.flyway.table: MyUser moves its rows out of the host's "
							+ "history into its own"));
	}

	@Test
	void otherTablesAreAccepted() {
		this.contextRunner
			.withPropertyValues("myuser.flyway.table=auth_history", "myuser.flyway.host-table=app_history",
					"spring.flyway.table=app_history")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MyUserFlywayProperties properties = context.getBean(MyUserFlywayProperties.class);
				assertThat(properties.getTable()).isEqualTo("auth_history");
				assertThat(properties.getHostTable()).isEqualTo("app_history");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "6", "12" })
	void aWholeVersionIsAcceptedAsBaseline(String version) {
		// Whether the version is one of MyUser's scripts is checked when the history is made (an empty database
		// would start after the baseline and miss the earlier scripts' tables), so only the properties are bound.
		new ApplicationContextRunner().withUserConfiguration(PropertiesConfiguration.class)
			.withPropertyValues("myuser.flyway.baseline-version=" + version)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(MyUserFlywayProperties.class)
				.extracting(MyUserFlywayProperties::getBaselineVersion)
				.isEqualTo(version));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MyUserFlywayProperties.class)
	static class PropertiesConfiguration {

	}

}
