package io.myuser.support.web;

import io.myuser.support.InvalidInputException;
import io.myuser.support.RefusedException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one place where the features' refusals become HTTP: each {@link RefusedException.Reason} has its status,
 * the refusal's code, title, detail and properties make the problem JSON, authentication failures get their
 * {@code WWW-Authenticate} challenge, and temporary refusals their {@code Retry-After}.
 */
public final class RefusalProblems {

	private RefusalProblems() {
	}

	/**
	 * Return the status of a reason.
	 * @param reason the reason
	 * @return the HTTP status
	 */
	public static HttpStatus status(RefusedException.Reason reason) {
		return switch (reason) {
			case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
			case NOT_AUTHENTICATED, INVALID_TOKEN -> HttpStatus.UNAUTHORIZED;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case GONE -> HttpStatus.GONE;
			case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
			case UPSTREAM_FAILED -> HttpStatus.BAD_GATEWAY;
		};
	}

	/**
	 * Return the problem detail of a refusal.
	 * @param refusal the refusal
	 * @return its problem JSON
	 */
	public static ProblemDetail problem(RefusedException refusal) {
		if (refusal instanceof InvalidInputException invalid) {
			return Problems.validation(invalid.getFieldErrors());
		}
		ProblemDetail problem = Problems.of(status(refusal.getReason()), refusal.getCode(), refusal.getTitle(),
				refusal.getDetail());
		refusal.getProperties().forEach(problem::setProperty);
		return problem;
	}

	/**
	 * Return a wait as the delay-seconds form of {@code Retry-After}: whole seconds, rounded up, at least 1.
	 * @param wait the wait
	 * @return the header value
	 */
	public static String retryAfterSeconds(java.time.Duration wait) {
		return Long.toString(Math.max(1, RefusedException.wholeSecondsUp(wait)));
	}

	/**
	 * Return the whole answer to a refusal: status, challenge header and problem JSON.
	 * @param refusal the refusal
	 * @return the answer
	 */
	public static ResponseEntity<Object> answer(RefusedException refusal) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status(refusal.getReason()));
		switch (refusal.getReason()) {
			case NOT_AUTHENTICATED -> answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			case INVALID_TOKEN -> answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			default -> {
			}
		}
		refusal.getRetryAfter().ifPresent((wait) -> answer.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(wait)));
		return answer.body(problem(refusal));
	}

}
