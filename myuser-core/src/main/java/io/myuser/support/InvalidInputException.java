package io.myuser.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * A refusal of what was sent, naming the fields that are wrong and why: the checks that bean validation
 * annotations cannot express. Answered 400 with the field errors listed.
 */
public class InvalidInputException extends RefusedException {

	private final Map<String, List<String>> fieldErrors;

	/**
	 * Create the refusal.
	 * @param fieldErrors what is wrong, by JSON field name
	 */
	public InvalidInputException(Map<String, List<String>> fieldErrors) {
		super(Reason.INVALID_INPUT, "validation", "Invalid request", "The request has invalid fields.");
		Assert.notEmpty(fieldErrors, "fieldErrors cannot be empty");
		this.fieldErrors = new LinkedHashMap<>();
		fieldErrors.forEach((field, messages) -> this.fieldErrors.put(field, List.copyOf(messages)));
	}

	/**
	 * A refusal naming one field.
	 * @param field the JSON field name
	 * @param message what is wrong with it
	 * @return the exception
	 */
	public static InvalidInputException forField(String field, String message) {
		return new InvalidInputException(Map.of(field, List.of(message)));
	}

	/**
	 * Return what is wrong, by JSON field name.
	 * @return the field errors
	 */
	public Map<String, List<String>> getFieldErrors() {
		return Map.copyOf(this.fieldErrors);
	}

}
