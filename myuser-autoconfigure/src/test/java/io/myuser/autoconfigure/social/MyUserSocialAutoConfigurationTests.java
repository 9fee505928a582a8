package io.myuser.autoconfigure.social;

import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.social.SocialAccount;
import io.myuser.social.SocialAccountRepository;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserSocialAutoConfiguration}, which so far contributes the social account storage model.
 */
class MyUserSocialAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = MyUserContextRunners.web();

	@Test
	void socialEntityAndRepositoryArePresentByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(AutoConfigurationPackages.get(context)).contains(SocialAccount.class.getPackageName());
			assertThat(MyUserContextRunners.managedEntities(context)).contains(SocialAccount.class);
			assertThat(context).hasSingleBean(SocialAccountRepository.class);
		});
	}

	@Test
	void socialEntityAndRepositoryAreAbsentWhenSocialIsDisabled() {
		this.contextRunner.withPropertyValues("myuser.social.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(AutoConfigurationPackages.get(context)).doesNotContain(SocialAccount.class.getPackageName());
			assertThat(MyUserContextRunners.managedEntities(context)).doesNotContain(SocialAccount.class);
			assertThat(context).doesNotHaveBean(SocialAccountRepository.class);
		});
	}

}
