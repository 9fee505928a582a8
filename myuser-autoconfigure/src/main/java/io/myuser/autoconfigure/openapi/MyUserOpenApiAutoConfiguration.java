package io.myuser.autoconfigure.openapi;

import io.myuser.autoconfigure.MyUserAutoConfiguration;
import io.myuser.autoconfigure.MyUserProperties;
import io.myuser.security.MyUserRoutes;
import io.myuser.support.web.MyUserApi;
import org.springdoc.core.models.GroupedOpenApi;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * The OpenAPI document of MyUser's routes ({@code myuser.openapi.*}), when the host has springdoc-openapi: a
 * springdoc group ({@code myuser}, at {@code /v3/api-docs/myuser}) of every handler of a {@link MyUserApi}
 * controller, whatever feature contributes it, with typed schemas, the bearer scheme on the routes MyUser's
 * security chain guards, and each route's problem answers. The host's own documents are left as they are.
 */
@AutoConfiguration(after = MyUserAutoConfiguration.class)
@ConditionalOnClass(GroupedOpenApi.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "myuser.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "myuser.openapi.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MyUserOpenApiProperties.class)
public final class MyUserOpenApiAutoConfiguration {

	/**
	 * Named, not typed, so that the host's own groups stand beside it.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "myUserGroupedOpenApi")
	GroupedOpenApi myUserGroupedOpenApi(MyUserOpenApiProperties openApi, MyUserProperties properties,
			ObjectProvider<MyUserRoutes> routes) {
		return GroupedOpenApi.builder()
			.group(openApi.getGroup())
			.displayName("MyUser")
			.addOpenApiMethodFilter(
					(method) -> AnnotatedElementUtils.hasAnnotation(method.getDeclaringClass(), MyUserApi.class))
			.addOperationCustomizer(new MyUserOperationCustomizer())
			.addOpenApiCustomizer(new MyUserOpenApiCustomizer(properties.getWeb().getBasePath(),
					() -> routes.orderedStream().toList()))
			.build();
	}

	/**
	 * Jackson 3's tree type as any JSON value: swagger-core reads Jackson 2 types only. springdoc applies model
	 * converters to every document, the host's too, where it is as right.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "myUserJsonNodeModelConverter")
	JsonNodeModelConverter myUserJsonNodeModelConverter() {
		return new JsonNodeModelConverter();
	}

}
