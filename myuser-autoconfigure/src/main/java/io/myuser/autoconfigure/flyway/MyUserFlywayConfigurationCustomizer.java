package io.myuser.autoconfigure.flyway;

import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Adjusts the configuration of MyUser's own Flyway before it is loaded: a customizer, applied after MyUser's
 * settings, in {@code @Order} order. Use it for what the {@code myuser.flyway.*} properties do not cover, such as
 * callbacks, a schema or a connection of its own. Spring Boot's {@code FlywayConfigurationCustomizer} beans
 * configure the host's Flyway only. Changing the locations or the history table breaks MyUser's migrations.
 */
@FunctionalInterface
public interface MyUserFlywayConfigurationCustomizer {

	/**
	 * Customize the configuration.
	 * @param configuration the configuration, already set up by MyUser
	 */
	void customize(FluentConfiguration configuration);

}
