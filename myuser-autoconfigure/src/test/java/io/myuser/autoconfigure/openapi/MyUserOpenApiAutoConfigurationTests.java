package io.myuser.autoconfigure.openapi;

import java.lang.reflect.Method;

import io.myuser.autoconfigure.MyUserContextRunners;
import io.myuser.security.MyUserRoutes;
import io.myuser.token.TokenController;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.junit.jupiter.api.Test;
import org.springdoc.core.models.GroupedOpenApi;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.HttpMethod;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserOpenApiAutoConfiguration}: the {@code myuser} springdoc group, what it matches, how it
 * reads the security chain's routes, and when it backs off.
 */
class MyUserOpenApiAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = MyUserContextRunners.web();

	@Test
	void theGroupMatchesMyUserControllersOnly() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasBean("myUserGroupedOpenApi").hasBean("myUserJsonNodeModelConverter");
			GroupedOpenApi group = context.getBean("myUserGroupedOpenApi", GroupedOpenApi.class);
			assertThat(group.getGroup()).isEqualTo("myuser");
			assertThat(group.getDisplayName()).isEqualTo("MyUser");
			Method myUserRoute = ReflectionUtils.findMethod(TokenController.class, "refresh", (Class<?>[]) null);
			Method hostRoute = ReflectionUtils.findMethod(HostController.class, "hello");
			assertThat(group.getOpenApiMethodFilters()).allSatisfy((filter) -> {
				assertThat(filter.isMethodToInclude(myUserRoute)).isTrue();
				assertThat(filter.isMethodToInclude(hostRoute)).isFalse();
			});
		});
	}

	@Test
	void theGroupNameIsConfigurable() {
		this.contextRunner.withPropertyValues("myuser.openapi.group=accounts")
			.run((context) -> assertThat(context.getBean("myUserGroupedOpenApi", GroupedOpenApi.class).getGroup())
				.isEqualTo("accounts"));
	}

	@Test
	void anInvalidGroupNameFailsAtStartup() {
		this.contextRunner.withPropertyValues("myuser.openapi.group=my user")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void theBearerSchemeFollowsTheRoutesOfTheSecurityChain() {
		this.contextRunner.withBean("testRoutes", MyUserRoutes.class,
				() -> MyUserRoutes.of("test")
					.permitAll(HttpMethod.GET, "/open")
					.authenticated(HttpMethod.GET, "/things/{id}")
					.hasRole("ADMIN", HttpMethod.GET, "/admin/**")
					.build())
			.run((context) -> {
				GroupedOpenApi group = context.getBean("myUserGroupedOpenApi", GroupedOpenApi.class);
				OpenAPI openApi = new OpenAPI(SpecVersion.V31).paths(new Paths()
					.addPathItem("/api/auth/open", new PathItem().get(operation()))
					.addPathItem("/api/auth/things/{id}", new PathItem().get(operation()).delete(operation()))
					.addPathItem("/api/auth/admin/users/{id}", new PathItem().get(operation())));
				group.getOpenApiCustomizers().forEach((customizer) -> customizer.customise(openApi));
				SecurityRequirement bearer = new SecurityRequirement().addList(MyUserOpenApiCustomizer.BEARER_SCHEME);
				Operation open = openApi.getPaths().get("/api/auth/open").getGet();
				assertThat(open.getSecurity()).isEmpty();
				assertThat(open.getResponses()).doesNotContainKeys("401", "403");
				Operation thing = openApi.getPaths().get("/api/auth/things/{id}").getGet();
				assertThat(thing.getSecurity()).containsExactly(bearer);
				assertThat(thing.getResponses()).containsKey("401").doesNotContainKey("403");
				// Nothing opens it: the chain refuses it without a token.
				Operation unlisted = openApi.getPaths().get("/api/auth/things/{id}").getDelete();
				assertThat(unlisted.getSecurity()).containsExactly(bearer);
				Operation admin = openApi.getPaths().get("/api/auth/admin/users/{id}").getGet();
				assertThat(admin.getSecurity()).containsExactly(bearer);
				assertThat(admin.getResponses()).containsKeys("401", "403");
				assertThat(admin.getResponses().get("403").getDescription()).contains("ADMIN");
				assertThat(openApi.getComponents().getSecuritySchemes()).containsKey("bearerAuth");
				assertThat(openApi.getComponents().getSchemas()).containsKey("Problem");
				assertThat(openApi.getComponents().getHeaders()).containsKeys("Retry-After", "WWW-Authenticate");
			});
	}

	@Test
	void theGroupBacksOffWhenTheHostDefinesOne() {
		GroupedOpenApi own = GroupedOpenApi.builder().group("mine").pathsToMatch("/api/auth/**").build();
		this.contextRunner.withBean("myUserGroupedOpenApi", GroupedOpenApi.class, () -> own)
			.run((context) -> assertThat(context.getBean("myUserGroupedOpenApi")).isSameAs(own));
	}

	@Test
	void theHostsOwnGroupsStandBesideIt() {
		this.contextRunner
			.withBean("hostGroupedOpenApi", GroupedOpenApi.class,
					() -> GroupedOpenApi.builder().group("host").pathsToMatch("/api/host/**").build())
			.run((context) -> assertThat(context.getBeansOfType(GroupedOpenApi.class)).containsOnlyKeys(
					"hostGroupedOpenApi", "myUserGroupedOpenApi"));
	}

	@Test
	void theModelConverterBacksOffWhenTheHostDefinesOne() {
		JsonNodeModelConverter own = new JsonNodeModelConverter();
		this.contextRunner.withBean("myUserJsonNodeModelConverter", JsonNodeModelConverter.class, () -> own)
			.run((context) -> assertThat(context.getBean("myUserJsonNodeModelConverter")).isSameAs(own));
	}

	@Test
	void nothingWithoutSpringdoc() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(GroupedOpenApi.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("myUserGroupedOpenApi")
				.doesNotHaveBean("myUserJsonNodeModelConverter")
				.doesNotHaveBean(MyUserOpenApiProperties.class));
	}

	@Test
	void nothingWhenSwitchedOff() {
		this.contextRunner.withPropertyValues("myuser.openapi.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("myUserGroupedOpenApi"));
	}

	@Test
	void nothingWhenMyUserIsSwitchedOff() {
		this.contextRunner.withPropertyValues("myuser.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("myUserGroupedOpenApi"));
	}

	@Test
	void nothingOutsideAWebApplication() {
		MyUserContextRunners.nonWeb()
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("myUserGroupedOpenApi"));
	}

	private static Operation operation() {
		return new Operation().responses(new ApiResponses());
	}

	static class HostController {

		String hello() {
			return "hello";
		}

	}

}
