package io.myuser.support.web;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.myuser.profile.ProfileView;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Problems}.
 */
class ProblemsTests {

	@Test
	void snakeCaseWhenCamelCaseThenSnakeCase() {
		assertThat(Problems.snakeCase("firstName")).isEqualTo("first_name");
		assertThat(Problems.snakeCase("marketingConsentUpdatedAt")).isEqualTo("marketing_consent_updated_at");
		assertThat(Problems.snakeCase("newPassword2")).isEqualTo("new_password2");
	}

	@Test
	void snakeCaseWhenAlreadyLowerCaseThenUnchanged() {
		assertThat(Problems.snakeCase("email")).isEqualTo("email");
		assertThat(Problems.snakeCase("first_name")).isEqualTo("first_name");
		assertThat(Problems.snakeCase("")).isEmpty();
	}

	@Test
	void snakeCaseWhenLeadingCapitalThenNoLeadingUnderscore() {
		assertThat(Problems.snakeCase("Email")).isEqualTo("email");
		assertThat(Problems.snakeCase("X")).isEqualTo("x");
	}

	@Test
	void snakeCaseWhenPropertyPathThenEachSegmentConverted() {
		assertThat(Problems.snakeCase("address.postalCode")).isEqualTo("address.postal_code");
		assertThat(Problems.snakeCase("items[0].firstName")).isEqualTo("items[0].first_name");
	}

	@Test
	void snakeCaseWhenRecordComponentThenMatchesItsJsonName() {
		// Field errors must be reported under the names clients send and receive.
		int checked = 0;
		for (RecordComponent component : ProfileView.class.getRecordComponents()) {
			JsonProperty json = component.getAccessor().getAnnotation(JsonProperty.class);
			if (json == null) {
				json = component.getAnnotation(JsonProperty.class);
			}
			String expected = (json != null) ? json.value() : component.getName();
			assertThat(Problems.snakeCase(component.getName())).as(component.getName()).isEqualTo(expected);
			checked++;
		}
		assertThat(checked).isGreaterThan(3);
	}

	@Test
	void ofThenTypeTitleAndDetail() {
		ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials",
				"No active account found with the given credentials.");
		assertThat(problem.getStatus()).isEqualTo(401);
		assertThat(problem.getType()).hasToString("urn:myuser:problem:invalid-credentials");
		assertThat(problem.getTitle()).isEqualTo("Invalid credentials");
		assertThat(problem.getDetail()).isEqualTo("No active account found with the given credentials.");
	}

	@Test
	void ofWhenSlugEmptyThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> Problems.of(HttpStatus.BAD_REQUEST, "", "t", "d"));
	}

	@Test
	void validationThenBadRequestWithErrors() {
		Map<String, List<String>> errors = Map.of("email", List.of("Enter a valid email address."));
		ProblemDetail problem = Problems.validation(errors);
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getType()).hasToString("urn:myuser:problem:validation");
		assertThat(problem.getProperties()).containsEntry(Problems.ERRORS, errors);
	}

}
