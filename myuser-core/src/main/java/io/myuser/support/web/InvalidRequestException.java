package io.myuser.support.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A 400 with field errors, for checks that bean validation annotations cannot express.
 */
public class InvalidRequestException extends ErrorResponseException {

	public InvalidRequestException(Map<String, List<String>> errors) {
		super(HttpStatus.BAD_REQUEST, Problems.validation(errors), null);
	}

	/**
	 * A 400 naming one field.
	 * @param field the JSON field name
	 * @param message what is wrong with it
	 * @return the exception
	 */
	public static InvalidRequestException forField(String field, String message) {
		return new InvalidRequestException(Map.of(field, List.of(message)));
	}

}
