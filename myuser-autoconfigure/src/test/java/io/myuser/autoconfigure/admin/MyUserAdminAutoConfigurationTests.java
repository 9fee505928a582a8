package io.myuser.autoconfigure.admin;

import java.time.Duration;

import io.myuser.admin.AdminAuditLogController;
import io.myuser.admin.AdminController;
import io.myuser.admin.AdminService;
import io.myuser.admin.AdminSettings;
import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.security.MyUserRoutes;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserAdminAutoConfiguration}: the admin API's beans, its routes guarded by the configured
 * authority, its switches and its settings.
 */
class MyUserAdminAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = MyUserContextRunners.web();

	@Test
	void adminBeansArePresentByDefaultAndEveryMethodUnderAdminNeedsTheAuthority() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(AdminService.class)
				.hasSingleBean(AdminController.class)
				.hasSingleBean(AdminAuditLogController.class)
				.hasBean("myUserAdminRoutes");
			AdminSettings settings = context.getBean(AdminSettings.class);
			assertThat(settings).isEqualTo(new AdminSettings(Duration.ofMinutes(1), 20, 100));
			MyUserRoutes routes = context.getBean("myUserAdminRoutes", MyUserRoutes.class);
			assertThat(routes.routes()).allSatisfy((route) -> {
				assertThat(route.path()).isEqualTo("/admin/**");
				assertThat(route.access()).isEqualTo(MyUserRoutes.Access.AUTHORITY);
				assertThat(route.authority()).isEqualTo("ROLE_MYUSER_ADMIN");
			});
			assertThat(routes.routes()).extracting(MyUserRoutes.Route::method)
				.contains(HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE);
		});
	}

	@Test
	void routesFollowTheConfiguredAuthorityAndSettingsTheProperties() {
		this.contextRunner
			.withPropertyValues("myuser.admin.authority=SCOPE_admin", "myuser.admin.page-size=5",
					"myuser.admin.max-page-size=50", "myuser.admin.verification-email-interval=10m")
			.run((context) -> {
				assertThat(context.getBean("myUserAdminRoutes", MyUserRoutes.class).routes())
					.allSatisfy((route) -> assertThat(route.authority()).isEqualTo("SCOPE_admin"));
				assertThat(context.getBean(AdminSettings.class))
					.isEqualTo(new AdminSettings(Duration.ofMinutes(10), 5, 50));
			});
	}

	@Test
	void adminBeansAreAbsentWhenSwitchedOffOrWithoutTokens() {
		for (String off : new String[] { "myuser.admin.enabled=false", "myuser.token.enabled=false",
				"myuser.enabled=false" }) {
			this.contextRunner.withPropertyValues(off).run((context) -> {
				assertThat(context).as(off).hasNotFailed();
				assertThat(context).as(off)
					.doesNotHaveBean(AdminService.class)
					.doesNotHaveBean(AdminController.class)
					.doesNotHaveBean("myUserAdminRoutes");
			});
		}
	}

	@Test
	void theAuditTrailRouteIsAbsentWithoutTheAuditLog() {
		this.contextRunner.withPropertyValues("myuser.audit.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(AdminController.class)
				.doesNotHaveBean(AdminAuditLogController.class);
		});
	}

	@Test
	void hostBeansReplaceMyUsers() {
		this.contextRunner.withBean("hostAdminSettings", AdminSettings.class, () -> new AdminSettings(Duration.ZERO, 1, 1))
			.run((context) -> {
				assertThat(context).hasSingleBean(AdminSettings.class).hasBean("hostAdminSettings");
				assertThat(context.getBean(AdminService.class).settings().maxPageSize()).isEqualTo(1);
			});
	}

	@Test
	void badSettingsFailStartupNamingTheProperty() {
		for (String bad : new String[] { "myuser.admin.page-size=0", "myuser.admin.max-page-size=1001",
				"myuser.admin.page-size=30,myuser.admin.max-page-size=20", "myuser.admin.verification-email-interval=-1s" }) {
			this.contextRunner.withPropertyValues(bad.split(",")).run((context) -> {
				assertThat(context).as(bad).hasFailed();
				assertThat(context.getStartupFailure()).as(bad).hasStackTraceContaining("myuser.admin");
			});
		}
	}

}
