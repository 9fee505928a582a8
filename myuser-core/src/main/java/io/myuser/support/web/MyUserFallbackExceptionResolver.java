package io.myuser.support.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.Assert;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers, as problem JSON, the errors under the MyUser base path that no MyUser controller saw: an unknown route
 * (404), or a failure before any handler was chosen. Requests outside the base path, and errors of handlers, are
 * left to the host and to {@link MyUserExceptionHandler}.
 */
public final class MyUserFallbackExceptionResolver implements HandlerExceptionResolver, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(MyUserFallbackExceptionResolver.class);

	private final String basePath;

	private final ProblemResponseWriter writer;

	public MyUserFallbackExceptionResolver(String basePath, ProblemResponseWriter writer) {
		Assert.hasText(basePath, "basePath cannot be empty");
		Assert.notNull(writer, "writer cannot be null");
		this.basePath = basePath;
		this.writer = writer;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (handler instanceof HandlerMethod || !isUnderBasePath(request)) {
			return null;
		}
		ProblemDetail problem;
		if (ex instanceof NoResourceFoundException) {
			problem = Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not Found",
					"No endpoint " + request.getMethod() + " " + request.getRequestURI() + ".");
		}
		else if (ex instanceof MultipartException) {
			problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type",
					"Multipart bodies are not accepted here; send application/json.");
		}
		else if (ex instanceof ErrorResponse errorResponse) {
			problem = errorResponse.getBody();
			if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
				HttpStatus status = HttpStatus.resolve(problem.getStatus());
				String slug = (status != null) ? status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
						: "error";
				problem.setType(java.net.URI.create(Problems.TYPE_PREFIX + slug));
			}
			errorResponse.getHeaders().forEach((name, values) -> values.forEach((v) -> response.addHeader(name, v)));
		}
		else {
			logger.error("Unexpected error under the MyUser base path", ex);
			problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
					"The server could not complete the request.");
		}
		try {
			this.writer.write(response, problem);
		}
		catch (IOException writeFailure) {
			logger.debug("Could not write problem response", writeFailure);
		}
		return new ModelAndView();
	}

	private boolean isUnderBasePath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(this.basePath) || path.startsWith(this.basePath + "/");
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
