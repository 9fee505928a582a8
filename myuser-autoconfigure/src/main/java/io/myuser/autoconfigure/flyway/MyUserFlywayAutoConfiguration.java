package io.myuser.autoconfigure.flyway;

import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * MyUser's own Flyway run ({@code myuser.flyway.*}): MyUser's scripts under {@value #LOCATION}, with their own
 * history table {@code myuser_schema_history}, migrated before the host's Flyway and JPA start (see
 * {@link MyUserFlywayMigrationInitializer}). The host's Flyway keeps its own locations and history, which hold
 * only the host's migrations. {@code myuser.flyway.enabled=false} switches the run off for hosts that apply
 * MyUser's scripts themselves.
 * <p>
 * MyUser's Flyway is not a bean: a {@code Flyway} bean would make Spring Boot's Flyway auto-configuration back off.
 * It connects the way the host's Flyway does: through a {@code @FlywayDataSource} bean, else
 * {@code spring.flyway.url} or {@code spring.flyway.user}, else the application's {@code DataSource}; and it uses
 * the host Flyway's default schema ({@code spring.flyway.default-schema}, else the first of
 * {@code spring.flyway.schemas}) when one is set, where the shared layout put MyUser's tables.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass({ Flyway.class, FlywayConnectionDetails.class })
@ConditionalOnBooleanProperty(name = { "myuser.enabled", "myuser.flyway.enabled" }, matchIfMissing = true)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(MyUserFlywayProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MyUserFlywayAutoConfiguration {

	/** Where MyUser's migrations live. */
	public static final String LOCATION = "classpath:db/myuser/migration";

	@Bean
	@ConditionalOnMissingBean
	MyUserFlywayMigrationInitializer myUserFlywayMigrationInitializer(MyUserFlywayProperties properties,
			Environment environment, ResourceLoader resourceLoader, ObjectProvider<DataSource> dataSource,
			@FlywayDataSource ObjectProvider<DataSource> flywayDataSource,
			ObjectProvider<FlywayConnectionDetails> connectionDetails,
			ObjectProvider<MyUserFlywayConfigurationCustomizer> customizers, ListableBeanFactory beanFactory) {
		String hostSchema = hostSchema(environment);
		FluentConfiguration configuration = new FluentConfiguration(resourceLoader.getClassLoader())
			.dataSource(migrationDataSource(flywayDataSource.getIfAvailable(), dataSource.getIfUnique(),
					connectionDetails.getIfAvailable()))
			.locations(LOCATION)
			.table(properties.getTable())
			.validateMigrationNaming(true);
		if (hostSchema != null) {
			configuration.defaultSchema(hostSchema);
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(configuration));
		String hostTable = (properties.getHostTable() != null) ? properties.getHostTable()
				: environment.getProperty("spring.flyway.table", HostSchemaHistory.DEFAULT_TABLE);
		if (hostTable.equals(configuration.getTable())) {
			throw new IllegalStateException("MyUser's history table (myuser.flyway.table) and the host's (" + hostTable
					+ ") must differ: MyUser keeps a schema history of its own");
		}
		// Only the definitions are looked at: the host's Flyway is created after MyUser's run.
		boolean hostMigrates = beanFactory.getBeanNamesForType(Flyway.class, true, false).length > 0;
		return new MyUserFlywayMigrationInitializer(configuration.load(),
				new HostSchemaHistory(hostTable, hostSchema, hostMigrates), properties.getBaselineVersion());
	}

	/**
	 * Tells Spring Boot that Flyway manages the schema of the database MyUser migrates, as Boot's own provider does
	 * for the host's Flyway, so that Hibernate's default {@code ddl-auto} on an embedded database is {@code none}
	 * rather than {@code create-drop} also when the host's Flyway is switched off.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "myUserFlywaySchemaManagementProvider")
	SchemaManagementProvider myUserFlywaySchemaManagementProvider(
			ObjectProvider<MyUserFlywayMigrationInitializer> initializer) {
		return (dataSource) -> initializer.stream()
			.anyMatch((candidate) -> dataSource.equals(candidate.getFlyway().getConfiguration().getDataSource()))
					? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
	}

	/**
	 * Stops the host's Flyway from also picking up MyUser's scripts (a location that is MyUser's or one of its
	 * parents, which Flyway scans recursively): they would run a second time, in the host's history.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "myUserFlywayLocationCheck")
	FlywayConfigurationCustomizer myUserFlywayLocationCheck() {
		return (configuration) -> {
			Location ours = new Location(LOCATION);
			for (Location location : configuration.getLocations()) {
				if (covers(location, ours)) {
					throw new IllegalStateException("The host's Flyway location " + location.getDescriptor()
							+ " holds MyUser's scripts (" + LOCATION + "), which MyUser migrates itself, with its own "
							+ "history table. Remove it from spring.flyway.locations, or set "
							+ "myuser.flyway.enabled=false to apply MyUser's scripts yourself");
				}
			}
		};
	}

	private static boolean covers(Location location, Location ours) {
		if (!location.isClassPath()) {
			return false;
		}
		String path = location.getPath();
		return path.isEmpty() || ours.getPath().equals(path) || ours.getPath().startsWith(path + "/");
	}

	private static @Nullable String hostSchema(Environment environment) {
		String defaultSchema = environment.getProperty("spring.flyway.default-schema");
		if (StringUtils.hasText(defaultSchema)) {
			return defaultSchema;
		}
		List<String> schemas = Binder.get(environment)
			.bind("spring.flyway.schemas", Bindable.listOf(String.class))
			.orElse(List.of());
		return schemas.isEmpty() ? null : schemas.get(0);
	}

	private static DataSource migrationDataSource(@Nullable DataSource flywayDataSource,
			@Nullable DataSource dataSource, @Nullable FlywayConnectionDetails connectionDetails) {
		if (flywayDataSource != null) {
			return flywayDataSource;
		}
		if (connectionDetails != null && connectionDetails.getJdbcUrl() != null) {
			return withCredentials(DataSourceBuilder.create().type(SimpleDriverDataSource.class), connectionDetails)
				.url(connectionDetails.getJdbcUrl())
				.build();
		}
		if (dataSource == null) {
			throw new IllegalStateException("MyUser's Flyway needs a single DataSource, or a @FlywayDataSource");
		}
		if (connectionDetails != null && connectionDetails.getUsername() != null) {
			return withCredentials(DataSourceBuilder.derivedFrom(dataSource).type(SimpleDriverDataSource.class),
					connectionDetails)
				.build();
		}
		return dataSource;
	}

	private static DataSourceBuilder<?> withCredentials(DataSourceBuilder<?> builder,
			FlywayConnectionDetails connectionDetails) {
		builder.username(connectionDetails.getUsername()).password(connectionDetails.getPassword());
		if (StringUtils.hasText(connectionDetails.getDriverClassName())) {
			builder.driverClassName(connectionDetails.getDriverClassName());
		}
		return builder;
	}

}
