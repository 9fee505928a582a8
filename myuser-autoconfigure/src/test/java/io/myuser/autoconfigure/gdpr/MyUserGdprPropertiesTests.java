package io.myuser.autoconfigure.gdpr;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;

import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.gdpr.GdprSettings;
import io.myuser.gdpr.export.ExportSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
		properties.afterPropertiesSet();
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
		MyUserGdprProperties properties = bind(Map.ofEntries(Map.entry("myuser.gdpr.enabled", "false"),
				Map.entry("myuser.gdpr.response-time", "30d"), Map.entry("myuser.gdpr.export.enabled", "false"),
				Map.entry("myuser.gdpr.export.location", "/srv/exports"),
				Map.entry("myuser.gdpr.export.retention", "48h"), Map.entry("myuser.gdpr.export.max-downloads", "2"),
				Map.entry("myuser.gdpr.export.page-size", "250"),
				Map.entry("myuser.gdpr.export.file-name-prefix", "shop_export-v1.0"),
				Map.entry("myuser.gdpr.deletion.enabled", "false"),
				Map.entry("myuser.gdpr.deletion.grace-period", "0s"),
				Map.entry("myuser.gdpr.deletion.reauthentication-window", "5m")));
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
		properties.afterPropertiesSet();
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

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "myuser.gdpr.deletion.grace-period=-1d | myuser.gdpr.deletion.grace-period",
			"myuser.gdpr.deletion.reauthentication-window=0s | myuser.gdpr.deletion.reauthentication-window",
			"myuser.gdpr.deletion.reauthentication-window=-1m | myuser.gdpr.deletion.reauthentication-window",
			"myuser.gdpr.export.retention=0s | myuser.gdpr.export.retention",
			"myuser.gdpr.export.retention=-7d | myuser.gdpr.export.retention",
			"myuser.gdpr.export.page-size=0 | myuser.gdpr.export.page-size",
			"myuser.gdpr.export.page-size=100001 | myuser.gdpr.export.page-size",
			"myuser.gdpr.export.max-downloads=0 | myuser.gdpr.export.max-downloads",
			"myuser.gdpr.export.max-downloads=-2 | myuser.gdpr.export.max-downloads",
			"myuser.gdpr.export.file-name-prefix=my export | myuser.gdpr.export.file-name-prefix",
			"myuser.gdpr.export.file-name-prefix=../etc | myuser.gdpr.export.file-name-prefix",
			"myuser.gdpr.export.file-name-prefix=a\"b | myuser.gdpr.export.file-name-prefix",
			"myuser.gdpr.export.file-name-prefix= | myuser.gdpr.export.file-name-prefix",
			"myuser.gdpr.export.location= | myuser.gdpr.export.location",
			"myuser.gdpr.export.location=classpath:exports | myuser.gdpr.export.location",
			"myuser.gdpr.export.location=s3://bucket/exports | myuser.gdpr.export.location",
			"myuser.gdpr.response-time=0d | myuser.gdpr.response-time",
			"myuser.gdpr.response-time=-1m | myuser.gdpr.response-time" })
	void startupFailsWhenAValueIsOutOfRangeAndNamesTheProperty(String property, String name) {
		this.contextRunner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageStartingWith(name + " ");
		});
	}

	private static MyUserGdprProperties bind(Map<String, String> properties) {
		Binder binder = new Binder(List.of(new MapConfigurationPropertySource(properties)));
		return binder.bindOrCreate("myuser.gdpr", MyUserGdprProperties.class);
	}

}
