package io.myuser.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code myuser.web.cors.*} in {@link MyUserProperties}: defaults, binding, and the rules checked when
 * the properties are bound, which fail startup with Spring Boot's binding report naming the property.
 */
class MyUserCorsPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void corsIsOffByDefault() {
		this.contextRunner.run((context) -> {
			MyUserProperties.Web.Cors cors = context.getBean(MyUserProperties.class).getWeb().getCors();
			assertThat(cors.hasOrigins()).isFalse();
			assertThat(cors.getAllowedOrigins()).isEmpty();
			assertThat(cors.getAllowedOriginPatterns()).isEmpty();
			assertThat(cors.getAllowedMethods()).containsExactly("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
			assertThat(cors.getAllowedHeaders()).containsExactly("Authorization", "Content-Type", "Accept",
					"Accept-Language");
			assertThat(cors.getExposedHeaders()).containsExactly("Location", "Retry-After", "WWW-Authenticate",
					"Content-Disposition");
			assertThat(cors.isAllowCredentials()).isFalse();
			assertThat(cors.getMaxAge()).isEqualTo(Duration.ofMinutes(30));
		});
	}

	@Test
	void metadataGivesIdesTheDefaultsOfTheCode() throws IOException {
		MyUserProperties.Web.Cors defaults = new MyUserProperties.Web.Cors();
		Map<String, JsonNode> metadata = new HashMap<>();
		for (URL url : Collections.list(getClass().getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				JsonMapper.builder().build().readTree(in).path("properties").forEach((property) -> {
					String name = property.path("name").asString("");
					if (name.startsWith("myuser.web.cors.")) {
						metadata.put(name, property);
					}
				});
			}
		}
		assertThat(metadata).containsOnlyKeys("myuser.web.cors.allowed-origins",
				"myuser.web.cors.allowed-origin-patterns", "myuser.web.cors.allowed-methods",
				"myuser.web.cors.allowed-headers", "myuser.web.cors.exposed-headers",
				"myuser.web.cors.allow-credentials", "myuser.web.cors.max-age");
		assertThat(strings(metadata.get("myuser.web.cors.allowed-methods"))).isEqualTo(defaults.getAllowedMethods());
		assertThat(strings(metadata.get("myuser.web.cors.allowed-headers"))).isEqualTo(defaults.getAllowedHeaders());
		assertThat(strings(metadata.get("myuser.web.cors.exposed-headers"))).isEqualTo(defaults.getExposedHeaders());
		assertThat(metadata.get("myuser.web.cors.allow-credentials").path("defaultValue").asBoolean(true)).isFalse();
		assertThat(metadata.get("myuser.web.cors.max-age").path("defaultValue").asString()).isEqualTo("30m");
		assertThat(metadata.values()).allMatch((property) -> !property.path("description").asString("").isBlank());
	}

	private static List<String> strings(JsonNode property) {
		List<String> values = new ArrayList<>();
		property.path("defaultValue").forEach((value) -> values.add(value.asString()));
		return values;
	}

	@Test
	void customValuesAreBound() {
		this.contextRunner
			.withPropertyValues("myuser.web.cors.allowed-origins=https://app.example.com, http://localhost:5173",
					"myuser.web.cors.allowed-origin-patterns=https://*.example.com",
					"myuser.web.cors.allowed-methods=GET,POST", "myuser.web.cors.allowed-headers=*",
					"myuser.web.cors.exposed-headers=X-Request-Id", "myuser.web.cors.allow-credentials=true",
					"myuser.web.cors.max-age=1h")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MyUserProperties.Web.Cors cors = context.getBean(MyUserProperties.class).getWeb().getCors();
				assertThat(cors.hasOrigins()).isTrue();
				assertThat(cors.getAllowedOrigins()).containsExactly("https://app.example.com",
						"http://localhost:5173");
				assertThat(cors.getAllowedOriginPatterns()).containsExactly("https://*.example.com");
				assertThat(cors.getAllowedMethods()).containsExactly("GET", "POST");
				assertThat(cors.getAllowedHeaders()).containsExactly("*");
				assertThat(cors.getExposedHeaders()).containsExactly("X-Request-Id");
				assertThat(cors.isAllowCredentials()).isTrue();
				assertThat(cors.getMaxAge()).isEqualTo(Duration.ofHours(1));
			});
	}

	@Test
	void aWildcardOriginIsAcceptedWithoutCredentials() {
		this.contextRunner.withPropertyValues("myuser.web.cors.allowed-origins=*",
				"myuser.web.cors.allowed-origin-patterns=https://*")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aWildcardOriginWithCredentialsFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("myuser.web.cors.allowed-origins=https://app.example.com,*",
					"myuser.web.cors.allow-credentials=true")
			.run(failsWith("myuser.web.cors.allowed-origins", (error) -> assertThat(error.getDefaultMessage())
				.contains("must not hold the wildcard * while myuser.web.cors.allow-credentials is true")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "*", "https://*", "*://*", "http://*:8080", "https://*.*", "https://*:[*]" })
	void anOriginPatternOpenToEveryHostWithCredentialsFailsStartup(String pattern) {
		this.contextRunner
			.withPropertyValues("myuser.web.cors.allowed-origin-patterns=" + pattern,
					"myuser.web.cors.allow-credentials=true")
			.run(failsWith("myuser.web.cors.allowed-origin-patterns",
					(error) -> assertThat(error.getDefaultMessage()).contains("'" + pattern + "'")
						.contains("matches every host")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://*.example.com", "http://localhost:[*]", "https://app-*.example.com",
			"https://[::1]:*" })
	void anOriginPatternNamingHostsIsAcceptedWithCredentials(String pattern) {
		this.contextRunner
			.withPropertyValues("myuser.web.cors.allowed-origin-patterns=" + pattern,
					"myuser.web.cors.allow-credentials=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aPatternAmongExactOriginsFailsStartupPointingAtOriginPatterns() {
		this.contextRunner.withPropertyValues("myuser.web.cors.allowed-origins=https://*.example.com")
			.run(failsWith("myuser.web.cors.allowed-origins", (error) -> assertThat(error.getDefaultMessage())
				.contains("'https://*.example.com' is a pattern")
				.contains("myuser.web.cors.allowed-origin-patterns")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "app.example.com", "https://app.example.com/spa", "https://app.example.com?x=1",
			"null" })
	void somethingOtherThanAnOriginFailsStartup(String origin) {
		this.contextRunner.withPropertyValues("myuser.web.cors.allowed-origins=" + origin)
			.run(failsWith("myuser.web.cors.allowed-origins",
					(error) -> assertThat(error.getDefaultMessage()).contains("'" + origin + "' is not an origin")));
	}

	@Test
	void aTrailingSlashIsToleratedAsBrowsersNeverSendIt() {
		this.contextRunner.withPropertyValues("myuser.web.cors.allowed-origins=https://app.example.com/")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aNegativeMaxAgeFailsStartup() {
		this.contextRunner.withPropertyValues("myuser.web.cors.max-age=-1s")
			.run(failsWith("myuser.web.cors.max-age",
					(error) -> assertThat(error.getDefaultMessage()).isEqualTo("must not be negative")));
	}

	@Test
	void messagesKeepConfiguredTextLiterally() {
		this.contextRunner.withPropertyValues("myuser.web.cors.allowed-origins=https://a$b{c}*")
			.run(failsWith("myuser.web.cors.allowed-origins",
					(error) -> assertThat(error.getDefaultMessage()).contains("'https://a$b{c}*' is a pattern")));
	}

	private static ContextConsumer<AssertableApplicationContext> failsWith(String property,
			Consumer<FieldError> errorAssertions) {
		return (context) -> {
			assertThat(context).hasFailed();
			BindValidationException failure = MyUserContextRunners.findCause(context.getStartupFailure(),
					BindValidationException.class);
			assertThat(failure).as("binding report of %s", context.getStartupFailure()).isNotNull();
			List<ObjectError> errors = failure.getValidationErrors().getAllErrors();
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0)).isInstanceOf(FieldError.class);
			FieldError error = (FieldError) errors.get(0);
			assertThat(failure.getValidationErrors().getName() + "." + error.getField()).isEqualTo(property);
			errorAssertions.accept(error);
		};
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MyUserProperties.class)
	static class PropertiesConfiguration {

	}

}
