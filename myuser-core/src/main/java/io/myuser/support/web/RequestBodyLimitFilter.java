package io.myuser.support.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than a limit with 413 problem JSON before anything parses them. A declared
 * {@code Content-Length} is checked at once; a body of unknown length is read up to the limit and replayed.
 */
public final class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final ProblemResponseWriter writer;

	public RequestBodyLimitFilter(long maxBytes, ProblemResponseWriter writer) {
		Assert.isTrue(maxBytes > 0, "maxBytes must be positive");
		Assert.notNull(writer, "writer cannot be null");
		this.maxBytes = maxBytes;
		this.writer = writer;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBytes) {
			reject(response);
			return;
		}
		if (declared < 0 && hasChunkedBody(request)) {
			byte[] body = readAtMost(request.getInputStream(), this.maxBytes + 1);
			if (body.length > this.maxBytes) {
				reject(response);
				return;
			}
			chain.doFilter(new ReplayedBodyRequest(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean hasChunkedBody(HttpServletRequest request) {
		String encoding = request.getHeader("Transfer-Encoding");
		return encoding != null && !encoding.isBlank();
	}

	private void reject(HttpServletResponse response) throws IOException {
		response.setHeader("Connection", "close");
		this.writer.write(response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
				"The request body exceeds " + this.maxBytes + " bytes."));
	}

	private static byte[] readAtMost(InputStream in, long limit) throws IOException {
		return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
	}

	private static final class ReplayedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		ReplayedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("Asynchronous reads are not supported");
				}

			};
		}

	}

}
