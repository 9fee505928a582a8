package io.myuser.security;

import java.io.IOException;

import io.myuser.support.web.ProblemResponseWriter;
import io.myuser.support.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS processing, answering a refused cross-origin request (an origin, method or header that is not
 * allowed) with 403 problem JSON of type {@code cors-rejected} instead of a plain-text body. A refused request gets
 * no {@code Access-Control-Allow-*} headers, so a browser does not let the calling page read the answer.
 */
public final class ProblemCorsProcessor extends DefaultCorsProcessor {

	private final ProblemResponseWriter writer;

	public ProblemCorsProcessor(ProblemResponseWriter writer) {
		Assert.notNull(writer, "writer cannot be null");
		this.writer = writer;
	}

	@Override
	protected void rejectRequest(ServerHttpResponse response) throws IOException {
		if (!(response instanceof ServletServerHttpResponse servletResponse)) {
			super.rejectRequest(response);
			return;
		}
		// Writes the Vary headers gathered so far; the body is not touched yet.
		response.flush();
		this.writer.write(servletResponse.getServletResponse(), Problems.of(HttpStatus.FORBIDDEN, "cors-rejected",
				"Cross-origin request refused",
				"The request's origin, method or headers are not allowed to call this endpoint."));
	}

}
