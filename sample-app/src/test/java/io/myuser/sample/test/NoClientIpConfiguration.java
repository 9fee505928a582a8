package io.myuser.sample.test;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a test send requests whose connection has no IP address, as a host sees them behind a connector or a filter
 * of its own that gives none: a request with the header {@value #HEADER} reaches
 * MyUser with that header's value as its remote address (such as {@code unknown}), so MyUser's client IP is
 * {@code null}. Other requests are left alone. {@code @Import} it on a test class.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NoClientIpConfiguration {

	/** The header that replaces the connection's address. */
	public static final String HEADER = "X-Test-Remote-Addr";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> noClientIpFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						String remote = request.getHeader(HEADER);
						if (remote == null) {
							chain.doFilter(request, response);
							return;
						}
						chain.doFilter(new HttpServletRequestWrapper(request) {

							@Override
							public String getRemoteAddr() {
								return remote;
							}

							@Override
							public String getRemoteHost() {
								return remote;
							}

						}, response);
					}

				});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
