package io.myuser.support.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Treats an {@code Accept} header that cannot be parsed as absent, so that MyUser's JSON answers (errors
 * included) are still written instead of an empty body.
 */
public final class LenientAcceptHeaderFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT);
		boolean parsable = true;
		while (values != null && values.hasMoreElements()) {
			try {
				MediaType.parseMediaTypes(values.nextElement());
			}
			catch (IllegalArgumentException ex) {
				parsable = false;
			}
		}
		chain.doFilter(parsable ? request : new WithoutAccept(request), response);
	}

	private static final class WithoutAccept extends HttpServletRequestWrapper {

		WithoutAccept(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getHeader(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			return Collections.enumeration(Collections.list(super.getHeaderNames())
				.stream()
				.filter((header) -> !HttpHeaders.ACCEPT.equalsIgnoreCase(header))
				.toList());
		}

	}

}
