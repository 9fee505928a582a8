package io.myuser.autoconfigure;

import io.myuser.support.web.LenientAcceptHeaderFilter;
import io.myuser.support.web.MyUserApi;
import io.myuser.support.web.MyUserErrorDispatchFilter;
import io.myuser.support.web.MyUserExceptionHandler;
import io.myuser.support.web.MyUserFallbackExceptionResolver;
import io.myuser.support.web.ProblemResponseWriter;
import io.myuser.support.web.RequestBodyLimitFilter;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.Host;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Web plumbing shared by every MyUser endpoint: the base path, trailing-slash tolerance, the request body limit
 * and problem JSON for every error under the base path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class MyUserWebConfiguration {

	/** Order of MyUser's servlet filters: before Spring Security's filter chain (-100 by default). */
	static final int FILTER_ORDER = -110;

	@Bean
	@ConditionalOnMissingBean(name = "myUserWebMvcConfigurer")
	WebMvcConfigurer myUserWebMvcConfigurer(MyUserProperties properties) {
		String basePath = properties.getWeb().getBasePath();
		return new WebMvcConfigurer() {

			@Override
			public void configurePathMatch(PathMatchConfigurer configurer) {
				configurer.addPathPrefix(basePath, HandlerTypePredicate.forAnnotation(MyUserApi.class));
			}

		};
	}

	@Bean
	@ConditionalOnMissingBean
	MyUserExceptionHandler myUserExceptionHandler() {
		return new MyUserExceptionHandler();
	}

	@Bean
	@ConditionalOnMissingBean
	MyUserFallbackExceptionResolver myUserFallbackExceptionResolver(MyUserProperties properties,
			ProblemResponseWriter writer) {
		return new MyUserFallbackExceptionResolver(properties.getWeb().getBasePath(), writer);
	}

	@Bean
	@ConditionalOnMissingBean(name = "myUserTrailingSlashFilter")
	FilterRegistrationBean<UrlHandlerFilter> myUserTrailingSlashFilter(MyUserProperties properties) {
		String basePath = properties.getWeb().getBasePath();
		UrlHandlerFilter filter = UrlHandlerFilter.trailingSlashHandler(basePath + "/**").wrapRequest().build();
		FilterRegistrationBean<UrlHandlerFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns(basePath + "/*");
		registration.setName("myUserTrailingSlashFilter");
		registration.setOrder(FILTER_ORDER);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(name = "myUserLenientAcceptHeaderFilter")
	FilterRegistrationBean<LenientAcceptHeaderFilter> myUserLenientAcceptHeaderFilter(MyUserProperties properties) {
		FilterRegistrationBean<LenientAcceptHeaderFilter> registration = new FilterRegistrationBean<>(
				new LenientAcceptHeaderFilter());
		registration.addUrlPatterns(properties.getWeb().getBasePath() + "/*");
		registration.setName("myUserLenientAcceptHeaderFilter");
		registration.setOrder(FILTER_ORDER + 2);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(name = "myUserErrorDispatchFilter")
	FilterRegistrationBean<MyUserErrorDispatchFilter> myUserErrorDispatchFilter(MyUserProperties properties,
			ProblemResponseWriter writer) {
		FilterRegistrationBean<MyUserErrorDispatchFilter> registration = new FilterRegistrationBean<>(
				new MyUserErrorDispatchFilter(properties.getWeb().getBasePath(), writer));
		registration.setDispatcherTypes(DispatcherType.ERROR);
		registration.addUrlPatterns("/*");
		registration.setName("myUserErrorDispatchFilter");
		registration.setOrder(FILTER_ORDER - 1);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(name = "myUserRequestBodyLimitFilter")
	FilterRegistrationBean<RequestBodyLimitFilter> myUserRequestBodyLimitFilter(MyUserProperties properties,
			ProblemResponseWriter writer) {
		RequestBodyLimitFilter filter = new RequestBodyLimitFilter(
				properties.getWeb().getMaxRequestBodySize().toBytes(), writer);
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns(properties.getWeb().getBasePath() + "/*");
		registration.setName("myUserRequestBodyLimitFilter");
		registration.setOrder(FILTER_ORDER + 1);
		return registration;
	}

	/**
	 * Problem JSON also for the requests Tomcat refuses before any filter runs, under the base path only.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
	static class TomcatErrorReportConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "myUserTomcatErrorReportCustomizer")
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> myUserTomcatErrorReportCustomizer(
				MyUserProperties properties, ProblemResponseWriter writer) {
			return (factory) -> factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof Host host) {
					MyUserTomcatErrorReportValve.replaceDefaultValves(host,
							context.getPath() + properties.getWeb().getBasePath(), writer);
				}
			});
		}

	}

}
