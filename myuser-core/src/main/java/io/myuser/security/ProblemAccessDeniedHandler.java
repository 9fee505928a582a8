package io.myuser.security;

import java.io.IOException;

import io.myuser.support.web.ProblemResponseWriter;
import io.myuser.support.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.util.Assert;

/**
 * Answers 403 problem JSON.
 */
public final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final ProblemResponseWriter writer;

	public ProblemAccessDeniedHandler(ProblemResponseWriter writer) {
		Assert.notNull(writer, "writer cannot be null");
		this.writer = writer;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.writer.write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				"You do not have permission to perform this action."));
	}

}
