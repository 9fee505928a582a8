package io.myuser.sample.domain;

import io.myuser.sample.test.PostgresTest;

/**
 * {@link DomainModelTests} on PostgreSQL.
 */
@PostgresTest
class DomainModelPostgresTests extends DomainModelTests {

	@Override
	protected String expectedDatabaseProduct() {
		return "PostgreSQL";
	}

}
