package io.myuser.autoconfigure.flyway;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * A {@link DatabaseInitializerDetector} for {@link MyUserFlywayMigrationInitializer}, registered in
 * {@code META-INF/spring.factories}. Beans that depend on database initialisation (the entity manager factory, JDBC
 * templates, {@code @DependsOnDatabaseInitialization} beans) then depend on MyUser's run. Its order comes before
 * every initializer detector of Spring Boot's (Flyway's is 0, Flyway's migration initializer 1, SQL scripts near the
 * lowest precedence), and Boot makes each batch of initializers depend on the batch before: the host's
 * {@code Flyway} bean and its initializer are created after MyUser's tables exist.
 */
class MyUserFlywayMigrationInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	/** The order of this detector: before Spring Boot's Flyway detector, whose order is 0. */
	static final int ORDER = -100;

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MyUserFlywayMigrationInitializer.class);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
