package io.myuser.sample.host;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
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

	@Bean
	RouterFunction<ServerResponse> hostRouterUnderTheBasePath() {
		return RouterFunctions.route().GET(ROUTER_PATH, (request) -> ServerResponse.ok().body(ROUTER_BODY)).build();
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
