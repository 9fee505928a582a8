package io.myuser.sample.domain;

/**
 * {@link DomainModelTests} on H2.
 */
class DomainModelH2Tests extends DomainModelTests {

	@Override
	protected String expectedDatabaseProduct() {
		return "H2";
	}

}
