package io.myuser.autoconfigure.openapi;

import java.util.Set;
import java.util.TreeSet;

import io.myuser.support.web.ProblemAnswers;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents each MyUser route from its handler method: a stable operation id (controller and method name), JSON
 * as the media type of its JSON answers, and its problem answers: 400 for every route (a malformed or refused
 * request), 404 for a route with a path variable, and those its {@link ProblemAnswers} adds. The answers that
 * depend on the security chain (401, 403) are added by {@link MyUserOpenApiCustomizer}.
 */
final class MyUserOperationCustomizer implements OperationCustomizer {

	private static final String ANY = "*/*";

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		operation.setOperationId(operationId(handlerMethod));
		Set<Integer> statuses = new TreeSet<>();
		statuses.add(400);
		if (operation.getParameters() != null
				&& operation.getParameters().stream().map(Parameter::getIn).anyMatch("path"::equals)) {
			statuses.add(404);
		}
		ProblemAnswers answers = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(),
				ProblemAnswers.class);
		if (answers != null) {
			for (int status : answers.value()) {
				statuses.add(status);
			}
		}
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		// Drop what springdoc guessed from the exception handlers: MyUser's answers are listed route by route.
		responses.keySet().removeIf(MyUserOperationCustomizer::isError);
		responses.values().forEach(MyUserOperationCustomizer::answerJson);
		statuses.forEach((status) -> responses.addApiResponse(String.valueOf(status), ProblemResponses.problem(status)));
		operation.setResponses(responses);
		return operation;
	}

	static boolean isError(String code) {
		return "default".equals(code) || (code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5'));
	}

	/**
	 * MyUser's controllers declare no {@code produces} for their JSON answers, so springdoc lists them as
	 * {@code *}{@code /*}: they are JSON. A binary answer (a download) stays as it is.
	 */
	private static void answerJson(ApiResponse response) {
		Content content = response.getContent();
		if (content == null || !content.containsKey(ANY)) {
			return;
		}
		MediaType any = content.get(ANY);
		if (any.getSchema() != null && "binary".equals(any.getSchema().getFormat())) {
			return;
		}
		Content json = new Content();
		content.forEach((type, media) -> json.addMediaType(ANY.equals(type) ? "application/json" : type, media));
		response.setContent(json);
	}

	private static String operationId(HandlerMethod handlerMethod) {
		String controller = ClassUtils.getUserClass(handlerMethod.getBeanType()).getSimpleName().replaceFirst("Controller$", "");
		return StringUtils.uncapitalize(controller) + StringUtils.capitalize(handlerMethod.getMethod().getName());
	}

}
