package io.myuser.autoconfigure;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.myuser.jobs.OneTimeJob;
import io.myuser.jobs.RecurringJob;
import io.myuser.security.MyUserRoutes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.validation.annotation.Validated;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each MyUser feature has one auto-configuration and one properties class, named after it and kept in a package of
 * its own, and no auto-configuration builds another feature's beans: a new feature (rate limiting, social login)
 * adds its own pair and edits no other.
 */
class AutoConfigurationOwnershipTests {

	/** Features with their own configuration: package, then the stem of the class names and the prefix. */
	private static final Map<String, List<String>> FEATURES = Map.ofEntries(feature("account"), feature("session"),
			feature("token"), feature("profile"), feature("gdpr"), feature("mail"), feature("jobs"), feature("audit"),
			feature("social"), feature("flyway"), feature("metrics"), feature("health"), feature("admin"),
			Map.entry("openapi", List.of("OpenApi", "myuser.openapi")),
			Map.entry("ratelimit", List.of("RateLimit", "myuser.rate-limit")));

	/**
	 * What a feature contributes to another one's extension points: its routes to the security chain, its jobs
	 * and scheduler customizations to the job engine. Export sections and erasers are the feature's own types.
	 */
	private static final Set<Class<?>> CONTRIBUTIONS = Set.of(MyUserRoutes.class, RecurringJob.class,
			OneTimeJob.class, io.myuser.autoconfigure.jobs.MyUserSchedulerCustomizer.class);

	/** The base builds only shared plumbing. */
	private static final Set<String> BASE_PACKAGES = Set.of("support", "personaldata");

	private final List<Class<?>> autoConfigurations = ImportCandidates
		.load(AutoConfiguration.class, getClass().getClassLoader())
		.getCandidates()
		.stream()
		.filter((name) -> name.startsWith("io.myuser."))
		.<Class<?>>map((name) -> ClassUtils.resolveClassName(name, getClass().getClassLoader()))
		.toList();

	@Test
	void everyFeatureHasOneAutoConfigurationAndOnePropertiesClassNamedAfterIt() {
		List<String> expected = new ArrayList<>();
		expected.add(MyUserAutoConfiguration.class.getName());
		expected.add("io.myuser.autoconfigure.security.MyUserSecurityAutoConfiguration");
		FEATURES.forEach((feature, names) -> {
			String name = "io.myuser.autoconfigure." + feature + ".MyUser" + names.get(0);
			expected.add(name + "AutoConfiguration");
			Class<?> properties = ClassUtils.resolveClassName(name + "Properties", getClass().getClassLoader());
			ConfigurationProperties binding = AnnotatedElementUtils.findMergedAnnotation(properties,
					ConfigurationProperties.class);
			assertThat(binding).as(properties.getName()).isNotNull();
			assertThat(binding.prefix()).as(properties.getName()).isEqualTo(names.get(1));
		});
		// Security is configured by the base's myuser.web.* (base path, CORS, trusted proxies), shared by every route.
		assertThat(this.autoConfigurations).extracting(Class::getName).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void everyPropertiesClassIsValidatedWhenBound() {
		List<Class<?>> propertiesClasses = new ArrayList<>();
		propertiesClasses.add(MyUserProperties.class);
		FEATURES.forEach((feature, names) -> propertiesClasses.add(ClassUtils.resolveClassName(
				"io.myuser.autoconfigure." + feature + ".MyUser" + names.get(0) + "Properties",
				getClass().getClassLoader())));
		// Rules are constraints, so that a bad value fails with Boot's binding report rather than in a bean.
		assertThat(propertiesClasses).allSatisfy((properties) -> {
			assertThat(AnnotatedElementUtils.hasAnnotation(properties, Validated.class)).as(properties.getName())
				.isTrue();
			assertThat(InitializingBean.class.isAssignableFrom(properties)).as(properties.getName()).isFalse();
		});
	}

	@Test
	void noAutoConfigurationBuildsAnotherFeaturesBeans() {
		List<String> foreign = new ArrayList<>();
		for (Class<?> autoConfiguration : this.autoConfigurations) {
			String feature = featureOfAutoConfiguration(autoConfiguration);
			for (Class<?> configuration : configurationClasses(autoConfiguration)) {
				for (Method method : configuration.getDeclaredMethods()) {
					if (!method.isAnnotationPresent(Bean.class)) {
						continue;
					}
					Class<?> type = method.getReturnType();
					if (!type.getName().startsWith("io.myuser.") || CONTRIBUTIONS.contains(type)) {
						continue;
					}
					String owner = featureOfType(type);
					boolean own = (feature == null) ? BASE_PACKAGES.contains(owner) : owner.equals(feature);
					if (!own) {
						foreign.add(configuration.getSimpleName() + "." + method.getName() + " builds "
								+ type.getName());
					}
				}
			}
		}
		assertThat(foreign).as("beans of another feature").isEmpty();
	}

	@Test
	void theCheckSeesNestedAndImportedConfigurations() {
		// The rule above is only as good as its reach: the account feature's endpoints sit in a nested class and
		// the base's web plumbing in an imported one.
		assertThat(configurationClasses(MyUserAutoConfiguration.class)).contains(MyUserWebConfiguration.class);
		assertThat(configurationClasses(
				ClassUtils.resolveClassName("io.myuser.autoconfigure.account.MyUserAccountAutoConfiguration", null)))
			.extracting(Class::getSimpleName)
			.contains("AccountWebConfiguration");
	}

	private static Set<Class<?>> configurationClasses(Class<?> root) {
		Set<Class<?>> found = new LinkedHashSet<>();
		Deque<Class<?>> pending = new ArrayDeque<>(List.of(root));
		while (!pending.isEmpty()) {
			Class<?> candidate = pending.pop();
			if (!found.add(candidate)) {
				continue;
			}
			for (Class<?> nested : candidate.getDeclaredClasses()) {
				if (AnnotatedElementUtils.hasAnnotation(nested, Configuration.class)) {
					pending.add(nested);
				}
			}
			Import imports = candidate.getAnnotation(Import.class);
			if (imports != null) {
				pending.addAll(List.of(imports.value()));
			}
		}
		return found;
	}

	/** {@code io.myuser.autoconfigure.<feature>}, or {@code null} for the base. */
	private static String featureOfAutoConfiguration(Class<?> autoConfiguration) {
		String packageName = autoConfiguration.getPackageName();
		return packageName.equals("io.myuser.autoconfigure") ? null
				: packageName.substring("io.myuser.autoconfigure.".length()).split("\\.")[0];
	}

	/** {@code io.myuser.<feature>...}; the Flyway feature's types live in the autoconfigure module. */
	private static String featureOfType(Class<?> type) {
		String packageName = type.getPackageName();
		if (packageName.startsWith("io.myuser.autoconfigure.")) {
			return packageName.substring("io.myuser.autoconfigure.".length()).split("\\.")[0];
		}
		return packageName.substring("io.myuser.".length()).split("\\.")[0];
	}

	private static Map.Entry<String, List<String>> feature(String name) {
		return Map.entry(name, List.of(capitalized(name), "myuser." + name));
	}

	private static String capitalized(String feature) {
		return feature.substring(0, 1).toUpperCase(Locale.ROOT) + feature.substring(1);
	}

}
