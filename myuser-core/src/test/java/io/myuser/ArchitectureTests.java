package io.myuser;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps myuser-core organised by feature: feature packages depend on each other without cycles, the technical
 * support package and the job engine know no feature, and nothing in core depends on Spring Boot.
 */
class ArchitectureTests {

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.myuser");

	@Test
	void featurePackagesAreFreeOfCycles() {
		slices().matching("io.myuser.(*)..").should().beFreeOfCycles().check(CORE);
	}

	@Test
	void supportKnowsNoFeature() {
		noClasses().that()
			.resideInAPackage("io.myuser.support..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.myuser.account..", "io.myuser.token..", "io.myuser.security..",
					"io.myuser.session..", "io.myuser.profile..", "io.myuser.gdpr..", "io.myuser.social..",
					"io.myuser.audit..")
			.check(CORE);
	}

	@Test
	void auditKnowsNoOtherFeature() {
		noClasses().that()
			.resideInAPackage("io.myuser.audit..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.myuser.account..", "io.myuser.token..", "io.myuser.security..",
					"io.myuser.session..", "io.myuser.profile..", "io.myuser.gdpr..", "io.myuser.social..")
			.check(CORE);
	}

	@Test
	void jobsKnowNoFeature() {
		noClasses().that()
			.resideInAPackage("io.myuser.jobs..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.myuser.account..", "io.myuser.token..", "io.myuser.security..",
					"io.myuser.session..", "io.myuser.profile..", "io.myuser.gdpr..", "io.myuser.social..",
					"io.myuser.audit..")
			.check(CORE);
	}

	@Test
	void coreDoesNotDependOnSpringBoot() {
		noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework.boot..").check(CORE);
	}

}
