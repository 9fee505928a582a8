package io.myuser.autoconfigure.profile;

import io.myuser.account.User;
import io.myuser.account.UserAccountService;
import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.autoconfigure.MyUserTestUsers;
import io.myuser.profile.Profile;
import io.myuser.profile.ProfileController;
import io.myuser.profile.ProfileRepository;
import io.myuser.profile.ProfileService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserProfileAutoConfiguration}.
 */
class MyUserProfileAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = MyUserContextRunners.web();

	@Test
	void profileBeansArePresentByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ProfileService.class)
				.hasSingleBean(ProfileController.class)
				.hasSingleBean(ProfileRepository.class);
			assertThat(AutoConfigurationPackages.get(context)).contains(Profile.class.getPackageName());
		});
	}

	@Test
	void newAccountGetsAProfile() {
		this.contextRunner.run((context) -> {
			User user = MyUserTestUsers.createUser(context);
			assertThat(context.getBean(ProfileService.class).findProfile(user.getId())).isPresent();
			assertThat(profileRows(context)).isOne();
		});
	}

	@Test
	void profileServiceBacksOffWhenUserDefinesOne() {
		this.contextRunner.withUserConfiguration(HostProfileConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ProfileService.class).hasBean("hostProfileService");
			assertThat(context).doesNotHaveBean("myUserProfileService");
			assertThat(context).hasSingleBean(ProfileController.class);
		});
	}

	@Test
	void profileBeansAreAbsentWhenProfileIsDisabled() {
		this.contextRunner.withPropertyValues("myuser.profile.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ProfileService.class)
				.doesNotHaveBean(ProfileController.class)
				.doesNotHaveBean(ProfileRepository.class);
			assertThat(AutoConfigurationPackages.get(context)).doesNotContain(Profile.class.getPackageName());
			assertThat(MyUserContextRunners.managedEntities(context)).doesNotContain(Profile.class)
				.contains(User.class);
			// The rest of MyUser still works, and creating an account no longer creates a profile.
			assertThat(context).hasSingleBean(UserAccountService.class);
			MyUserTestUsers.createUser(context);
			assertThat(profileRows(context)).isZero();
		});
	}

	private static Integer profileRows(ApplicationContext context) {
		return context.getBean(JdbcTemplate.class).queryForObject("select count(*) from myuser_profile", Integer.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class HostProfileConfiguration {

		@Bean
		ProfileService hostProfileService(ProfileRepository profiles, UserAccountService accounts,
				io.myuser.profile.ConsentRecordRepository consents,
				org.springframework.context.ApplicationEventPublisher events,
				org.springframework.transaction.PlatformTransactionManager transactionManager, java.time.Clock clock) {
			return new ProfileService(profiles, accounts, consents, events, transactionManager, clock);
		}

	}

}
