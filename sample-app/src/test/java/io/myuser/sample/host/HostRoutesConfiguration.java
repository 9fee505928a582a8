package io.myuser.sample.host;

import io.myuser.security.MyUserRoutes;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * What a host might map under MyUser's base path outside MyUser's controllers: a router function and a static
 * resource handler. (Spring Boot's default static resources, {@code classpath:/static/} on {@code /**}, also
 * serve {@code static/api/auth/boot-static.txt} from the test resources.)
 */
@TestConfiguration(proxyBeanMethods = false)
class HostRoutesConfiguration {

	static final String ROUTER_PATH = "/api/auth/host/router";

	static final String ROUTER_BODY = "answered by a host router function";

	static final String ASSET_PATH = "/api/auth/host-assets/notice.txt";

	/** A host route under the base path that needs the role {@code STAFF}, which no MyUser user has. */
	static final String STAFF_PATH = "/api/auth/host/staff";

	/** A host route under the base path that needs the role {@code USER}, which every MyUser user has. */
	static final String MEMBERS_PATH = "/api/auth/host/members";

	/** A host route under the base path that the host opens to anyone. */
	static final String OPEN_PATH = "/api/auth/host/open";

	@Bean
	RouterFunction<ServerResponse> hostRouterUnderTheBasePath() {
		return RouterFunctions.route()
			.GET(ROUTER_PATH, (request) -> ServerResponse.ok().body(ROUTER_BODY))
			.GET(STAFF_PATH, (request) -> ServerResponse.ok().body("staff only"))
			.GET(MEMBERS_PATH, (request) -> ServerResponse.ok().body("members only"))
			.GET(OPEN_PATH, (request) -> ServerResponse.ok().body("open to all"))
			.build();
	}

	/** The host's routes on MyUser's chain, contributed the way MyUser's features contribute theirs. */
	@Bean
	MyUserRoutes hostRoutes() {
		return MyUserRoutes.of("host")
			.hasRole("STAFF", HttpMethod.GET, "/host/staff")
			.hasRole("USER", HttpMethod.GET, "/host/members")
			.permitAll(HttpMethod.GET, "/host/open")
			.build();
	}

	@Bean
	WebMvcConfigurer hostResourcesUnderTheBasePath() {
		return new WebMvcConfigurer() {

			@Override
			public void addResourceHandlers(ResourceHandlerRegistry registry) {
				registry.addResourceHandler("/api/auth/host-assets/**").addResourceLocations("classpath:/host-assets/");
			}

		};
	}

}
