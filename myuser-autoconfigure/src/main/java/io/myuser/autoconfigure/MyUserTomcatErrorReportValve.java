package io.myuser.autoconfigure;

import java.io.IOException;
import java.util.Locale;

import io.myuser.support.web.ProblemResponseWriter;
import io.myuser.support.web.Problems;
import org.apache.catalina.Container;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;

/**
 * Tomcat's error report valve, answering problem JSON for requests under the MyUser base path. Tomcat refuses some
 * requests before any filter or servlet runs (an encoded {@code /} or {@code \}, {@code %00}, invalid UTF-8 in the
 * path): no application error page applies to them, and the host's error report valve writes the answer, an HTML
 * page by default. Under the base path this valve writes the RFC 9457 problem MyUser's handlers would; for every
 * other path it answers exactly as Tomcat's valve does.
 * <p>
 * {@link #replaceDefaultValves(Host, String, ProblemResponseWriter)} puts it in place of the host's plain
 * {@link ErrorReportValve} (the one Tomcat or Spring Boot added) once the host has started, keeping that valve's
 * settings; a valve of another class, the host's own choice, is left alone.
 */
final class MyUserTomcatErrorReportValve extends ErrorReportValve {

	private final String basePath;

	private final ProblemResponseWriter writer;

	MyUserTomcatErrorReportValve(String basePath, ProblemResponseWriter writer) {
		Assert.hasText(basePath, "basePath cannot be empty");
		Assert.notNull(writer, "writer cannot be null");
		this.basePath = basePath;
		this.writer = writer;
	}

	/**
	 * Once the host has started (and has added its error report valve), replace its plain error report valves by
	 * this one.
	 * @param host the host of the application's context
	 * @param basePath the MyUser base path, including the context path
	 * @param writer writes the problem
	 */
	static void replaceDefaultValves(Host host, String basePath, ProblemResponseWriter writer) {
		host.addLifecycleListener((event) -> {
			if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
				replace(host, basePath, writer);
			}
		});
	}

	private static void replace(Container host, String basePath, ProblemResponseWriter writer) {
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve.getClass() == ErrorReportValve.class) {
				ErrorReportValve original = (ErrorReportValve) valve;
				MyUserTomcatErrorReportValve replacement = new MyUserTomcatErrorReportValve(basePath, writer);
				replacement.setShowReport(original.isShowReport());
				replacement.setShowServerInfo(original.isShowServerInfo());
				host.getPipeline().removeValve(original);
				host.getPipeline().addValve(replacement);
			}
		}
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		if (!isUnderBasePath(request.getRequestURI())) {
			super.report(request, response, throwable);
			return;
		}
		int code = response.getStatus();
		if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus resolved = HttpStatus.resolve(code);
		HttpStatus status = (resolved != null) ? resolved : HttpStatus.BAD_REQUEST;
		String detail = status.is4xxClientError() ? "The request was rejected: " + status.getReasonPhrase() + "."
				: "The server could not complete the request.";
		try {
			this.writer.write(response, Problems.of(status, status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
					status.getReasonPhrase(), detail));
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away or the response cannot take a body any more: nothing left to answer.
		}
	}

	private boolean isUnderBasePath(String uri) {
		return uri != null && (uri.equals(this.basePath) || uri.startsWith(this.basePath + "/"));
	}

}
