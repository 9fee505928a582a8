package io.myuser.sample.schema;

import java.util.UUID;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link SharedLayoutUpgradeTests} on H2, an in-memory database of its own for each test.
 */
class SharedLayoutUpgradeH2Tests extends SharedLayoutUpgradeTests {

	@Override
	protected TestDatabase newDatabase() {
		String url = "jdbc:h2:mem:shared-layout-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		return new TestDatabase(url, "sa", "", new DriverManagerDataSource(url, "sa", ""));
	}

}
