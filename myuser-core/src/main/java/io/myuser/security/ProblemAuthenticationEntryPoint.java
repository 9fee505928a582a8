package io.myuser.security;

import java.io.IOException;

import io.myuser.support.web.ProblemResponseWriter;
import io.myuser.support.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.util.Assert;

/**
 * Answers 401 problem JSON with {@code WWW-Authenticate: Bearer}, adding {@code error="invalid_token"} when a
 * token was sent but refused (RFC 6750 section 3).
 */
public final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ProblemResponseWriter writer;

	public ProblemAuthenticationEntryPoint(ProblemResponseWriter writer) {
		Assert.notNull(writer, "writer cannot be null");
		this.writer = writer;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		boolean tokenRefused = authException instanceof InvalidAccessTokenException
				|| authException instanceof MalformedBearerHeaderException;
		if (tokenRefused) {
			response.setHeader("WWW-Authenticate",
					"Bearer error=\"invalid_token\", error_description=\"" + authException.getMessage() + "\"");
			this.writer.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid token",
					authException.getMessage()));
		}
		else {
			response.setHeader("WWW-Authenticate", "Bearer");
			this.writer.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "not-authenticated",
					"Authentication required", "Authentication credentials were not provided."));
		}
	}

}
