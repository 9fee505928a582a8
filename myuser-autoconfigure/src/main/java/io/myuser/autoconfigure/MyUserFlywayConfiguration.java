package io.myuser.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds MyUser's migrations to the host's Flyway: the host keeps its own locations and history table, and MyUser's
 * scripts (versions 0.x, under {@value #LOCATION}) run with them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ Flyway.class, FlywayConfigurationCustomizer.class })
class MyUserFlywayConfiguration {

	/** Where MyUser's migrations live. */
	static final String LOCATION = "classpath:db/myuser/migration";

	@Bean
	@ConditionalOnMissingBean(name = "myUserFlywayConfigurationCustomizer")
	FlywayConfigurationCustomizer myUserFlywayConfigurationCustomizer() {
		return (configuration) -> {
			List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
			Location ours = new Location(LOCATION);
			if (locations.stream().noneMatch((location) -> location.getDescriptor().equals(ours.getDescriptor()))) {
				locations.add(ours);
			}
			configuration.locations(locations.toArray(Location[]::new));
		};
	}

}
