package io.myuser.support.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers as problem JSON the errors the container forwards to its error page for requests under the MyUser base
 * path: requests that Spring Security's firewall rejects (encoded or traversing paths, unknown methods) and
 * methods the container refuses, which never reach a MyUser handler. Errors of other paths go to the host's error
 * page as usual.
 */
public final class MyUserErrorDispatchFilter extends OncePerRequestFilter {

	private final String basePath;

	private final ProblemResponseWriter writer;

	public MyUserErrorDispatchFilter(String basePath, ProblemResponseWriter writer) {
		Assert.hasText(basePath, "basePath cannot be empty");
		Assert.notNull(writer, "writer cannot be null");
		this.basePath = basePath;
		this.writer = writer;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Object originalUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (!(originalUri instanceof String uri) || !isUnderBasePath(request, uri) || response.isCommitted()) {
			chain.doFilter(request, response);
			return;
		}
		int code = (status instanceof Integer value && value >= 400) ? value : 500;
		HttpStatus resolved = HttpStatus.resolve(code);
		HttpStatus httpStatus = (resolved != null) ? resolved : HttpStatus.BAD_REQUEST;
		String detail = httpStatus.is4xxClientError() ? "The request was rejected: " + httpStatus.getReasonPhrase() + "."
				: "The server could not complete the request.";
		this.writer.write(response, Problems.of(httpStatus,
				httpStatus.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), httpStatus.getReasonPhrase(),
				detail));
	}

	private boolean isUnderBasePath(HttpServletRequest request, String uri) {
		String path = uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : uri;
		return path.equals(this.basePath) || path.startsWith(this.basePath + "/");
	}

}
