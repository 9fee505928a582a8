package io.myuser.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.myuser.autoconfigure.account.MyUserAccountProperties;
import io.myuser.autoconfigure.flyway.MyUserFlywayAutoConfiguration;
import io.myuser.autoconfigure.flyway.MyUserFlywayProperties;
import io.myuser.autoconfigure.gdpr.MyUserGdprProperties;
import io.myuser.autoconfigure.jobs.MyUserJobsProperties;
import io.myuser.autoconfigure.session.MyUserSessionProperties;
import io.myuser.autoconfigure.token.MyUserTokenProperties;
import io.myuser.token.JwtKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata that the annotation processor generates into
 * {@code META-INF/spring-configuration-metadata.json}, the file IDEs read to complete and explain {@code myuser.*}
 * properties, with the value hints of {@code additional-spring-configuration-metadata.json} merged in.
 */
class ConfigurationMetadataTests {

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	@Test
	void everyMyUserPropertyHasADescription() throws IOException {
		Map<String, JsonNode> properties = myUserProperties();
		assertThat(properties).containsKeys("myuser.enabled", "myuser.web.base-path", "myuser.token.signing.secret",
				"myuser.token.access-token-time-to-live", "myuser.account.email-verification",
				"myuser.account.password.min-length", "myuser.account.password.max-length",
				"myuser.account.password.reject-common", "myuser.account.password.reject-email", "myuser.gdpr.enabled",
				"myuser.gdpr.response-time", "myuser.gdpr.export.enabled", "myuser.gdpr.export.location",
				"myuser.gdpr.export.retention", "myuser.gdpr.export.max-downloads", "myuser.gdpr.export.page-size",
				"myuser.gdpr.export.file-name-prefix",
				"myuser.gdpr.deletion.enabled", "myuser.gdpr.deletion.grace-period",
				"myuser.gdpr.deletion.reauthentication-window");
		List<String> undocumented = properties.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().path("description").asString("").isBlank())
			.map(Map.Entry::getKey)
			.toList();
		assertThat(undocumented).as("myuser.* properties without a description").isEmpty();
	}

	@Test
	void defaultValuesInMetadataMatchTheCode() throws IOException {
		Map<String, Object> defaults = new LinkedHashMap<>();
		myUserProperties().forEach((name, property) -> {
			// List defaults (myuser.web.cors.allowed-methods) are JSON arrays, checked in MyUserCorsPropertiesTests.
			if (property.has("defaultValue") && !property.get("defaultValue").isArray()) {
				defaults.put(name, property.get("defaultValue").asString());
			}
		});
		assertThat(defaults).containsEntry("myuser.web.base-path", "/api/auth")
			.containsEntry("myuser.token.access-token-time-to-live", "15m")
			.containsEntry("myuser.token.refresh-token-time-to-live", "7d")
			.containsEntry("myuser.token.clock-skew", "30s")
			.containsEntry("myuser.account.email-verification", "mandatory")
			.containsEntry("myuser.account.password.min-length", "8")
			.containsEntry("myuser.account.password.max-length", "128")
			.containsEntry("myuser.account.password.reject-common", "true")
			.containsEntry("myuser.jobs.threads", "2")
			.containsEntry("myuser.jobs.polling-interval", "2s")
			.containsEntry("myuser.jobs.heartbeat-interval", "5s")
			.containsEntry("myuser.jobs.missed-heartbeats-limit", "6")
			.containsEntry("myuser.jobs.retry.max-attempts", "10")
			.containsEntry("myuser.session.retention", "30d")
			.containsEntry("myuser.gdpr.response-time", "1m")
			.containsEntry("myuser.gdpr.export.retention", "7d")
			.containsEntry("myuser.gdpr.export.max-downloads", "5")
			.containsEntry("myuser.gdpr.deletion.grace-period", "7d")
			.containsEntry("myuser.gdpr.deletion.reauthentication-window", "10m")
			.containsEntry("myuser.flyway.enabled", "true")
			.containsEntry("myuser.flyway.table", "myuser_schema_history");
		Binder binder = new Binder(List.of(new MapConfigurationPropertySource(defaults)));
		assertThat(binder.bindOrCreate("myuser", MyUserProperties.class)).usingRecursiveComparison()
			.isEqualTo(new MyUserProperties());
		assertThat(binder.bindOrCreate("myuser.token", MyUserTokenProperties.class)).usingRecursiveComparison()
			.isEqualTo(new MyUserTokenProperties());
		assertThat(binder.bindOrCreate("myuser.account", MyUserAccountProperties.class)).usingRecursiveComparison()
			.isEqualTo(new MyUserAccountProperties());
		assertThat(binder.bindOrCreate("myuser.jobs", MyUserJobsProperties.class)).usingRecursiveComparison()
			.isEqualTo(new MyUserJobsProperties());
		assertThat(binder.bindOrCreate("myuser.session", MyUserSessionProperties.class)).usingRecursiveComparison()
			.isEqualTo(new MyUserSessionProperties());
		assertThat(binder.bindOrCreate("myuser.gdpr", MyUserGdprProperties.class)).usingRecursiveComparison()
			.isEqualTo(new MyUserGdprProperties());
		assertThat(binder.bindOrCreate("myuser.flyway", MyUserFlywayProperties.class)).usingRecursiveComparison()
			.isEqualTo(new MyUserFlywayProperties());
	}

	@Test
	void everyPropertyThatSwitchesAFeatureIsDocumented() throws IOException {
		Set<String> switches = new TreeSet<>();
		for (Class<?> autoConfiguration : MyUserContextRunners.MYUSER_AUTO_CONFIGURATIONS) {
			ConditionalOnBooleanProperty condition = autoConfiguration
				.getAnnotation(ConditionalOnBooleanProperty.class);
			if (condition != null) {
				switches.addAll(Arrays.asList(condition.name()));
			}
		}
		assertThat(switches).contains("myuser.enabled", "myuser.token.enabled", "myuser.profile.enabled",
				"myuser.jobs.enabled", "myuser.flyway.enabled");
		Map<String, JsonNode> properties = myUserProperties();
		assertThat(properties).containsKeys(switches.toArray(String[]::new));
		switches.forEach((name) -> assertThat(properties.get(name).path("description").asString("")).as(name)
			.isNotBlank());
	}

	@Test
	void signingAlgorithmsAreOfferedWithWhatEachNeeds() throws IOException {
		JsonNode hint = myUserHints().get("myuser.token.signing.algorithm");
		assertThat(hint).as("hint of myuser.token.signing.algorithm").isNotNull();
		assertThat(values(hint)).containsExactly(JwtKeys.HS256, JwtKeys.RS256, JwtKeys.ES256);
		assertThat(descriptions(hint)).allSatisfy((description) -> assertThat(description).isNotBlank());
		assertThat(descriptions(hint).get(0)).contains("myuser.token.signing.secret");
		assertThat(descriptions(hint).subList(1, 3)).allSatisfy((description) -> assertThat(description)
			.contains("private-key-location", "public-key-location", "key-id", "/.well-known/jwks.json"));
	}

	@Test
	void baselineVersionsAreTheVersionsOfMyUsersScripts() throws IOException {
		JsonNode hint = myUserHints().get("myuser.flyway.baseline-version");
		assertThat(hint).as("hint of myuser.flyway.baseline-version").isNotNull();
		List<String> scripts = new ArrayList<>();
		for (Resource script : new PathMatchingResourcePatternResolver()
			.getResources(MyUserFlywayAutoConfiguration.LOCATION.replace("classpath:", "classpath*:") + "/V*__*.sql")) {
			String name = script.getFilename();
			scripts.add(name.substring(1, name.indexOf("__")));
		}
		scripts.sort(Comparator.comparingInt(Integer::parseInt));
		assertThat(scripts).isNotEmpty();
		assertThat(values(hint)).as("a hint for each of MyUser's migrations, in order").isEqualTo(scripts);
		assertThat(descriptions(hint)).allSatisfy((description) -> assertThat(description).isNotBlank());
	}

	@Test
	void everyHintNamesAMyUserProperty() throws IOException {
		Map<String, JsonNode> properties = myUserProperties();
		assertThat(myUserHints()).isNotEmpty()
			.allSatisfy((name, hint) -> assertThat(properties).as("hint %s", name).containsKey(name));
	}

	private static List<String> values(JsonNode hint) {
		List<String> values = new ArrayList<>();
		hint.path("values").forEach((value) -> values.add(value.path("value").asString("")));
		return values;
	}

	private static List<String> descriptions(JsonNode hint) {
		List<String> descriptions = new ArrayList<>();
		hint.path("values").forEach((value) -> descriptions.add(value.path("description").asString("")));
		return descriptions;
	}

	/**
	 * The value hints of {@code myuser.*} properties, from the metadata file that declares MyUser's properties.
	 */
	private static Map<String, JsonNode> myUserHints() throws IOException {
		Map<String, JsonNode> hints = new LinkedHashMap<>();
		for (JsonNode hint : myUserMetadata().path("hints")) {
			String name = hint.path("name").asString("");
			if (name.startsWith("myuser.")) {
				hints.put(name, hint);
			}
		}
		return hints;
	}

	private static JsonNode myUserMetadata() throws IOException {
		myUserProperties();
		JsonMapper mapper = JsonMapper.builder().build();
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader().getResources(METADATA))) {
			try (InputStream in = url.openStream()) {
				JsonNode metadata = mapper.readTree(in);
				for (JsonNode property : metadata.path("properties")) {
					if (property.path("name").asString("").startsWith("myuser.")) {
						return metadata;
					}
				}
			}
		}
		throw new IllegalStateException("No metadata declares myuser.* properties");
	}

	/**
	 * The {@code myuser.*} properties of the one metadata file on the classpath that declares any.
	 */
	private static Map<String, JsonNode> myUserProperties() throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		List<URL> sources = new ArrayList<>();
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader().getResources(METADATA))) {
			JsonNode metadata;
			try (InputStream in = url.openStream()) {
				metadata = mapper.readTree(in);
			}
			boolean found = false;
			for (JsonNode property : metadata.path("properties")) {
				String name = property.path("name").asString("");
				if (name.startsWith("myuser.")) {
					properties.put(name, property);
					found = true;
				}
			}
			if (found) {
				sources.add(url);
			}
		}
		assertThat(sources).as("metadata files declaring myuser.* properties").hasSize(1);
		return properties;
	}

}
