package io.myuser.support.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.myuser.support.RefusedException;
import io.myuser.support.persistence.RetryingTransactions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error of a {@link MyUserApi} controller as RFC 9457 problem JSON: {@code detail} always, and
 * {@code errors} (field name to messages) for validation problems. Unexpected exceptions become a 500 problem
 * without internals, and are logged.
 */
@RestControllerAdvice(annotations = MyUserApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MyUserExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(MyUserExceptionHandler.class);

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.computeIfAbsent(Problems.snakeCase(error.getField()), (key) -> new ArrayList<>())
				.add(message(error));
		}
		for (ObjectError error : ex.getBindingResult().getGlobalErrors()) {
			errors.computeIfAbsent("non_field_errors", (key) -> new ArrayList<>()).add(message(error));
		}
		return handleExceptionInternal(ex, Problems.validation(errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> errors
					.computeIfAbsent(Problems.snakeCase(result.getMethodParameter().getParameterName() != null
							? result.getMethodParameter().getParameterName() : "parameter"), (key) -> new ArrayList<>())
					.add(error.getDefaultMessage() != null ? error.getDefaultMessage() : "Invalid value.")));
		return handleExceptionInternal(ex, Problems.validation(errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem;
		Throwable cause = ex.getCause();
		if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			String field = fieldPath(databind);
			String message = (databind instanceof InvalidNullException) ? "This field may not be null."
					: "Has the wrong type or format.";
			problem = Problems.validation(Map.of(field, List.of(message)));
		}
		else if (cause instanceof JacksonException) {
			problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
					"The request body is not valid JSON.");
		}
		else {
			problem = Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
					"The request body is missing or cannot be read.");
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * A feature refused what was asked: its reason decides the status (see {@link RefusalProblems}).
	 */
	@ExceptionHandler(RefusedException.class)
	ResponseEntity<Object> handleRefused(RefusedException ex, WebRequest request) {
		return RefusalProblems.answer(ex);
	}

	/**
	 * Spring Security's firewall refuses some requests only when a controller reads their parameters, for example
	 * a form body whose parameter names hold line breaks: a client error, not a server one.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<Object> handleRejected(RequestRejectedException ex, WebRequest request) {
		logger.debug("Request rejected by the firewall: {}", ex.getMessage());
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "rejected-request", "Rejected request",
				"The request was rejected: it holds characters that are not allowed.");
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem);
	}

	/**
	 * Work that kept losing races with concurrent writers of the same rows (after its retries), or a race outside
	 * the retried paths: nothing was changed, and the client may try again.
	 */
	@ExceptionHandler({ RetryingTransactions.ConcurrentUpdateException.class, ConcurrencyFailureException.class })
	ResponseEntity<Object> handleConflict(RuntimeException ex, WebRequest request) {
		logger.info("A MyUser request lost a race with concurrent writes and changed nothing: {}", ex.getMessage());
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "concurrent-update", "Concurrent update",
				"The data changed while the request was processed; nothing was changed. Try again.");
		return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		logger.error("Unexpected error in a MyUser endpoint", ex);
		ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"The server could not complete the request.");
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			if (problem.getDetail() == null) {
				problem.setDetail((problem.getTitle() != null) ? problem.getTitle() : "Request failed.");
			}
			if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
				problem.setType(java.net.URI.create(Problems.TYPE_PREFIX + slug(statusCode)));
			}
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static String slug(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
				: "status-" + status.value();
	}

	private static String fieldPath(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		ex.getPath().forEach((reference) -> {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
		});
		return path.isEmpty() ? "non_field_errors" : path.toString();
	}

	private static String message(ObjectError error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "Invalid value.";
	}

}
