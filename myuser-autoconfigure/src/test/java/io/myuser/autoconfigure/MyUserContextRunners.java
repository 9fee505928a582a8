package io.myuser.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.example.host.HostApplication;
import io.myuser.autoconfigure.account.MyUserAccountAutoConfiguration;
import io.myuser.autoconfigure.audit.MyUserAuditAutoConfiguration;
import io.myuser.autoconfigure.flyway.MyUserFlywayAutoConfiguration;
import io.myuser.autoconfigure.gdpr.MyUserGdprAutoConfiguration;
import io.myuser.autoconfigure.jobs.MyUserJobsAutoConfiguration;
import io.myuser.autoconfigure.mail.MyUserMailAutoConfiguration;
import io.myuser.autoconfigure.profile.MyUserProfileAutoConfiguration;
import io.myuser.autoconfigure.ratelimit.MyUserRateLimitAutoConfiguration;
import io.myuser.autoconfigure.security.MyUserSecurityAutoConfiguration;
import io.myuser.autoconfigure.session.MyUserSessionAutoConfiguration;
import io.myuser.autoconfigure.social.MyUserSocialAutoConfiguration;
import io.myuser.autoconfigure.token.MyUserTokenAutoConfiguration;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.ManagedType;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Context runners shared by the auto-configuration tests: every MyUser auto-configuration plus the Boot
 * auto-configurations a host application brings (JDBC on an in-memory H2, Flyway, Hibernate with
 * {@code ddl-auto=validate}, Data JPA, Jackson, transactions and, for the web runner, Web MVC and Security). The
 * runners sort them into their real order. There is no mail server: emails go to the log
 * ({@code myuser.mail.log-delivery=true}) except in {@link #webWithoutMailDelivery()}. Like every Boot
 * application, the host registers its own package as an auto-configuration package ({@link HostApplication}).
 * Each context gets an H2 database of its own, unless the test names one in {@code spring.datasource.url}.
 */
public final class MyUserContextRunners {

	/**
	 * A signing secret of exactly 32 random bytes (256 bits), the smallest one accepted, made with
	 * {@code openssl rand -base64 32}.
	 */
	public static final String SECRET = "base64:o/Rk3cAhrgeD5CGE+AJ6koFApFKPejX+sinnzyjjkxk=";

	/** Every MyUser auto-configuration, as listed in {@code AutoConfiguration.imports}. */
	public static final Class<?>[] MYUSER_AUTO_CONFIGURATIONS = { MyUserAutoConfiguration.class,
			MyUserFlywayAutoConfiguration.class, MyUserAccountAutoConfiguration.class,
			MyUserSessionAutoConfiguration.class, MyUserTokenAutoConfiguration.class, MyUserSecurityAutoConfiguration.class,
			MyUserProfileAutoConfiguration.class, MyUserAuditAutoConfiguration.class, MyUserGdprAutoConfiguration.class,
			MyUserSocialAutoConfiguration.class, MyUserRateLimitAutoConfiguration.class, MyUserJobsAutoConfiguration.class,
			MyUserMailAutoConfiguration.class, io.myuser.autoconfigure.metrics.MyUserMetricsAutoConfiguration.class,
			io.myuser.autoconfigure.health.MyUserHealthAutoConfiguration.class,
			io.myuser.autoconfigure.admin.MyUserAdminAutoConfiguration.class,
			io.myuser.autoconfigure.openapi.MyUserOpenApiAutoConfiguration.class };

	private static final Class<?>[] DATA_AUTO_CONFIGURATIONS = { PropertyPlaceholderAutoConfiguration.class,
			DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class,
			HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class,
			TransactionAutoConfiguration.class, JacksonAutoConfiguration.class };

	private static final Class<?>[] WEB_AUTO_CONFIGURATIONS = { HttpMessageConvertersAutoConfiguration.class,
			DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, SecurityAutoConfiguration.class,
			ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class };

	private static final String[] COMMON_PROPERTIES = { "spring.jpa.hibernate.ddl-auto=validate",
			"spring.jpa.open-in-view=false" };

	/** These contexts have no mail server: MyUser's emails go to the log, as asked for in development. */
	private static final String LOG_MAIL_DELIVERY = "myuser.mail.log-delivery=true";

	private MyUserContextRunners() {
	}

	/**
	 * A servlet web application with every auto-configuration and a valid signing secret.
	 * @return the runner
	 */
	public static WebApplicationContextRunner web() {
		return webWithoutSecret().withPropertyValues("myuser.token.signing.secret=" + SECRET);
	}

	/**
	 * A servlet web application with every auto-configuration and no signing secret.
	 * @return the runner
	 */
	public static WebApplicationContextRunner webWithoutSecret() {
		return webWithoutMailDeliverySettings().withPropertyValues(LOG_MAIL_DELIVERY);
	}

	/**
	 * A servlet web application with every auto-configuration and a valid signing secret, but neither a mail
	 * server nor {@code myuser.mail.log-delivery}, as a host that configured no mail at all.
	 * @return the runner
	 */
	public static WebApplicationContextRunner webWithoutMailDelivery() {
		return webWithoutMailDeliverySettings().withPropertyValues("myuser.token.signing.secret=" + SECRET);
	}

	private static WebApplicationContextRunner webWithoutMailDeliverySettings() {
		return new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(concat(DATA_AUTO_CONFIGURATIONS, WEB_AUTO_CONFIGURATIONS,
					MYUSER_AUTO_CONFIGURATIONS)))
			.withUserConfiguration(HostApplication.class)
			.withPropertyValues(COMMON_PROPERTIES)
			.withInitializer(new UniqueH2Database());
	}

	/**
	 * An application that is not a web application (a batch job, say), with a valid signing secret.
	 * @return the runner
	 */
	public static ApplicationContextRunner nonWeb() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(concat(DATA_AUTO_CONFIGURATIONS, MYUSER_AUTO_CONFIGURATIONS)))
			.withUserConfiguration(HostApplication.class)
			.withPropertyValues(COMMON_PROPERTIES)
			.withPropertyValues(LOG_MAIL_DELIVERY, "myuser.token.signing.secret=" + SECRET)
			.withInitializer(new UniqueH2Database());
	}

	/**
	 * Names of the beans MyUser contributed: beans whose type lives under {@code io.myuser} (services,
	 * repositories, configuration classes, properties), and beans named {@code myUser…} or {@code myuser-…}, such
	 * as the servlet filter registrations and security filter chains, whose types are Spring's.
	 * @param context the context
	 * @return the bean names
	 */
	public static List<String> myUserBeanNames(ApplicationContext context) {
		List<String> names = new ArrayList<>();
		for (String name : context.getBeanDefinitionNames()) {
			Class<?> type = context.getType(name);
			boolean myUserType = type != null && type.getName().startsWith("io.myuser.");
			if (myUserType || name.toLowerCase(Locale.ROOT).startsWith("myuser") || name.startsWith("io.myuser.")) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * The entity classes JPA manages in a context.
	 * @param context the context
	 * @return the entity classes
	 */
	public static Set<Class<?>> managedEntities(ApplicationContext context) {
		return context.getBean(EntityManagerFactory.class)
			.getMetamodel()
			.getEntities()
			.stream()
			.map(ManagedType::getJavaType)
			.collect(Collectors.toSet());
	}

	/**
	 * The first exception of the given type in a cause chain.
	 * @param <T> the type
	 * @param failure the failure
	 * @param type the type
	 * @return the exception, or {@code null} if there is none
	 */
	public static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		return null;
	}

	private static Class<?>[] concat(Class<?>[]... groups) {
		return Arrays.stream(groups).flatMap(Arrays::stream).toArray(Class<?>[]::new);
	}

	/**
	 * Points {@code spring.datasource.url} at a fresh in-memory H2 database for each context.
	 */
	private static final class UniqueH2Database
			implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			if (context.getEnvironment().containsProperty("spring.datasource.url")) {
				return;
			}
			TestPropertyValues.of("spring.datasource.url=jdbc:h2:mem:myuser-test-" + UUID.randomUUID()
					+ ";DB_CLOSE_DELAY=-1").applyTo(context);
		}

	}

}
