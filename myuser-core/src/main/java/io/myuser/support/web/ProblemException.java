package io.myuser.support.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

/**
 * Base of the exceptions MyUser features throw for their clients: each carries its own problem detail, so one
 * handler answers all of them.
 */
public class ProblemException extends ErrorResponseException {

	public ProblemException(HttpStatusCode status, String slug, String title, String detail) {
		super(status, Problems.of(status, slug, title, detail), null);
	}

	public ProblemException(HttpStatusCode status, String slug, String title, String detail, Throwable cause) {
		super(status, Problems.of(status, slug, title, detail), cause);
	}

	@Override
	public String getMessage() {
		String detail = getBody().getDetail();
		return (detail != null) ? detail : super.getMessage();
	}

}
