package io.myuser.autoconfigure.gdpr;

import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.gdpr.DataExportFile;
import io.myuser.gdpr.DataExportFileRepository;
import io.myuser.gdpr.DataRequest;
import io.myuser.gdpr.DataRequestRepository;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserGdprAutoConfiguration}, which so far contributes the GDPR storage model.
 */
class MyUserGdprAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = MyUserContextRunners.web();

	@Test
	void gdprEntitiesAndRepositoriesArePresentByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(AutoConfigurationPackages.get(context)).contains(DataRequest.class.getPackageName());
			assertThat(MyUserContextRunners.managedEntities(context)).contains(DataRequest.class, DataExportFile.class);
			assertThat(context).hasSingleBean(DataRequestRepository.class)
				.hasSingleBean(DataExportFileRepository.class);
		});
	}

	@Test
	void gdprEntitiesAndRepositoriesAreAbsentWhenGdprIsDisabled() {
		this.contextRunner.withPropertyValues("myuser.gdpr.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(AutoConfigurationPackages.get(context)).doesNotContain(DataRequest.class.getPackageName());
			assertThat(MyUserContextRunners.managedEntities(context)).doesNotContain(DataRequest.class,
					DataExportFile.class);
			assertThat(context).doesNotHaveBean(DataRequestRepository.class)
				.doesNotHaveBean(DataExportFileRepository.class);
		});
	}

}
