package io.myuser.autoconfigure.gdpr;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;

import io.myuser.autoconfigure.BindingReports;
import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.gdpr.GdprSettings;
import io.myuser.gdpr.export.ExportSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserGdprProperties}.
 */
class MyUserGdprPropertiesTests {

	private final ApplicationContextRunner contextRunner = MyUserContextRunners.nonWeb();

	@Test
	void defaultsApplyWhenNothingIsSet() {
		MyUserGdprProperties properties = bind(Map.of());
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getResponseTime()).isEqualTo(Period.ofMonths(1));
		assertThat(properties.getExport().isEnabled()).isTrue();
		assertThat(properties.getExport().getLocation()).isEqualTo("./var/myuser-exports");
		assertThat(properties.getExport().getRetention()).isEqualTo(Duration.ofDays(7));
		assertThat(properties.getExport().getMaxDownloads()).isEqualTo(5);
		assertThat(properties.getExport().getPageSize()).isEqualTo(1000);
		assertThat(properties.getExport().getFileNamePrefix()).isEqualTo("data-export");
		assertThat(properties.getDeletion().isEnabled()).isTrue();
		assertThat(properties.getDeletion().getGracePeriod()).isEqualTo(Duration.ofDays(7));
		assertThat(properties.getDeletion().getReauthenticationWindow()).isEqualTo(Duration.ofMinutes(10));
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void defaultValuesAreConsistentWithTheSettingsDefaults() {
		MyUserGdprProperties properties = new MyUserGdprProperties();
		GdprSettings gdpr = GdprSettings.defaults();
		assertThat(properties.getResponseTime()).isEqualTo(gdpr.responseTime());
		assertThat(properties.getDeletion().getGracePeriod()).isEqualTo(gdpr.deletionGracePeriod());
		assertThat(properties.getExport().isEnabled()).isEqualTo(gdpr.exportEnabled());
		assertThat(properties.getDeletion().isEnabled()).isEqualTo(gdpr.deletionEnabled());
		ExportSettings export = ExportSettings.defaults();
		assertThat(properties.getExport().getRetention()).isEqualTo(export.retention());
		assertThat(properties.getExport().getMaxDownloads()).isEqualTo(export.maxDownloads());
		assertThat(properties.getExport().getPageSize()).isEqualTo(export.pageSize());
	}

	@Test
	void customValuesAreBound() {
		Map<String, String> values = Map.ofEntries(Map.entry("myuser.gdpr.enabled", "false"),
				Map.entry("myuser.gdpr.response-time", "30d"), Map.entry("myuser.gdpr.export.enabled", "false"),
				Map.entry("myuser.gdpr.export.location", "/srv/exports"),
				Map.entry("myuser.gdpr.export.retention", "48h"), Map.entry("myuser.gdpr.export.max-downloads", "2"),
				Map.entry("myuser.gdpr.export.page-size", "250"),
				Map.entry("myuser.gdpr.export.file-name-prefix", "shop_export-v1.0"),
				Map.entry("myuser.gdpr.deletion.enabled", "false"),
				Map.entry("myuser.gdpr.deletion.grace-period", "0s"),
				Map.entry("myuser.gdpr.deletion.reauthentication-window", "5m"));
		MyUserGdprProperties properties = bind(values);
		assertThat(properties.isEnabled()).isFalse();
		assertThat(properties.getResponseTime()).isEqualTo(Period.ofDays(30));
		assertThat(properties.getExport().isEnabled()).isFalse();
		assertThat(properties.getExport().getLocation()).isEqualTo("/srv/exports");
		assertThat(properties.getExport().getRetention()).isEqualTo(Duration.ofHours(48));
		assertThat(properties.getExport().getMaxDownloads()).isEqualTo(2);
		assertThat(properties.getExport().getPageSize()).isEqualTo(250);
		assertThat(properties.getExport().getFileNamePrefix()).isEqualTo("shop_export-v1.0");
		assertThat(properties.getDeletion().isEnabled()).isFalse();
		assertThat(properties.getDeletion().getGracePeriod()).isZero();
		assertThat(properties.getDeletion().getReauthenticationWindow()).isEqualTo(Duration.ofMinutes(5));
		this.contextRunner.withPropertyValues(values.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().endsWith("location"))
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new)).run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void edgeValuesAreAccepted() {
		this.contextRunner
			.withPropertyValues("myuser.gdpr.response-time=1d", "myuser.gdpr.export.retention=1s",
					"myuser.gdpr.export.max-downloads=1", "myuser.gdpr.export.page-size=100000",
					"myuser.gdpr.export.file-name-prefix=" + "a".repeat(100), "myuser.gdpr.deletion.grace-period=0s",
					"myuser.gdpr.deletion.reauthentication-window=1ms")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withPropertyValues("myuser.gdpr.export.page-size=1")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@ParameterizedTest
	@ValueSource(strings = { "./var/exports", "/srv/exports", "file:/srv/exports", "file:///srv/exports",
			"C:\\exports", "exports/2026:05" })
	void exportLocationsThatArePathsOrFileUrlsAreAccepted(String location) {
		assertThat(bind(Map.of("myuser.gdpr.export.location", location)).getExport().getLocation())
			.isEqualTo(location);
		this.contextRunner
			.withPropertyValues("myuser.gdpr.export.location=" + location)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@ParameterizedTest
	@CsvSource({ "1m, P1M", "P1M, P1M", "30d, P30D", "2w, P14D", "P1M15D, P1M15D", "1y, P1Y" })
	void responseTimeIsBoundFromSimpleOrIsoPeriods(String value, String expected) {
		assertThat(bind(Map.of("myuser.gdpr.response-time", value)).getResponseTime())
			.isEqualTo(Period.parse(expected));
	}

	@Test
	void maxDownloadsOfMinusOneSetsNoLimit() {
		this.contextRunner.withPropertyValues("myuser.gdpr.export.max-downloads=-1").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MyUserGdprProperties.class).getExport().getMaxDownloads()).isEqualTo(-1);
			assertThat(context.getBean(ExportSettings.class).maxDownloads()).isNull();
		});
	}

	@Test
	void maxDownloadsWhenSetEmptyKeepsTheDefault() {
		// Boot's binder leaves a default in place when a value converts to null, so "empty" cannot mean "no limit".
		this.contextRunner.withPropertyValues("myuser.gdpr.export.max-downloads=").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ExportSettings.class).maxDownloads()).isEqualTo(5);
		});
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			myuser.gdpr.deletion.grace-period            | -1d                | must not be negative
			myuser.gdpr.deletion.reauthentication-window | 0s                 | must be positive
			myuser.gdpr.deletion.reauthentication-window | -1m                | must be positive
			myuser.gdpr.export.retention                 | 0s                 | must be positive
			myuser.gdpr.export.retention                 | -7d                | must be positive
			myuser.gdpr.export.page-size                 | 0                  | must be between 1 and 100000
			myuser.gdpr.export.page-size                 | 100001             | must be between 1 and 100000
			myuser.gdpr.export.max-downloads             | 0                  | must be positive, or -1 for no limit
			myuser.gdpr.export.max-downloads             | -2                 | must be positive, or -1 for no limit
			myuser.gdpr.export.file-name-prefix          | my export          | must be 1 to 100 letters, digits and . _ -
			myuser.gdpr.export.file-name-prefix          | ../etc             | must be 1 to 100 letters, digits and . _ -
			myuser.gdpr.export.file-name-prefix          | a"b                | must be 1 to 100 letters, digits and . _ -
			myuser.gdpr.export.file-name-prefix          | ''                 | must be 1 to 100 letters, digits and . _ -
			myuser.gdpr.export.location                  | ''                 | must not be blank
			myuser.gdpr.export.location                  | classpath:exports  | must be a directory path or a file: URL (declare an ExportStorage bean to keep archives elsewhere)
			myuser.gdpr.export.location                  | s3://bucket/export | must be a directory path or a file: URL
			myuser.gdpr.response-time                    | 0d                 | must be positive, such as 1m (one month) or 30d
			myuser.gdpr.response-time                    | -1m                | must be positive
			myuser.gdpr.response-time                    | P1M-40D            | must be positive
			""")
	void startupFailsWithTheBindingReportWhenAValueBreaksARule(String property, String value, String reason) {
		BindingReports.assertRefused(this.contextRunner, property, value, reason);
	}

	private static MyUserGdprProperties bind(Map<String, String> properties) {
		Binder binder = new Binder(List.of(new MapConfigurationPropertySource(properties)));
		return binder.bindOrCreate("myuser.gdpr", MyUserGdprProperties.class);
	}

}
