package io.myuser.autoconfigure;

import java.util.List;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on Spring Boot's binding report: a property value that breaks a rule fails startup with a
 * {@link BindValidationException} as the root cause (no exception from a bean or from {@code afterPropertiesSet}),
 * holding one error that names the property, carries the configured value and says the rule. That is what Boot's
 * failure analyzer prints as "Property: ... Value: ... Reason: ...". For a constraint on a field, Boot names the
 * property by its Java name ({@code myuser.token.accessTokenTimeToLive}, with the configured key in the "Origin"
 * line); a class-level rule names its property in the configured form ({@code myuser.account.password.max-length}).
 * Both are compared here in the configured form.
 */
public final class BindingReports {

	private BindingReports() {
	}

	/**
	 * Start a context with one property set and expect the binding report for it.
	 * @param runner the runner
	 * @param property the property, in its canonical form
	 * @param value the bad value
	 * @param reason words the reason holds
	 */
	public static void assertRefused(AbstractApplicationContextRunner<?, ?, ?> runner, String property, String value,
			String reason) {
		ContextConsumer<ApplicationContextAssertProvider<?>> assertions = (context) -> {
			FieldError error = singleError(context, property, reason);
			Object rejected = error.getRejectedValue();
			assertThat(rejected).as("value in the report of %s", property).isNotNull();
			Object configured = (rejected instanceof String) ? value.strip()
					: ApplicationConversionService.getSharedInstance().convert(value.strip(), rejected.getClass());
			assertThat(rejected).as("value in the report of %s", property).isEqualTo(configured);
		};
		runner.withPropertyValues(property + "=" + value).run(assertions);
	}

	/**
	 * Expect the binding report for a property, whatever was set.
	 * @param property the property the report names, in its canonical form
	 * @param reason words the reason holds
	 * @return the assertions
	 */
	public static ContextConsumer<ApplicationContextAssertProvider<?>> refuses(String property, String reason) {
		return (context) -> singleError(context, property, reason);
	}

	/**
	 * Expect the binding report for a property and return its one error.
	 * @param context the context that failed to start
	 * @param property the property the report names, in its canonical form
	 * @param reason words the reason holds
	 * @return the error, whose rejected value is the one the report shows
	 */
	public static FieldError singleError(ApplicationContextAssertProvider<?> context, String property,
			String reason) {
		assertThat(context).as("startup with a bad %s", property).hasFailed();
		assertThat(context.getStartupFailure()).as("startup failure of a bad %s", property)
			.rootCause()
			.isInstanceOf(BindValidationException.class);
		BindValidationException failure = MyUserContextRunners.findCause(context.getStartupFailure(),
				BindValidationException.class);
		List<ObjectError> errors = failure.getValidationErrors().getAllErrors();
		assertThat(errors).as("errors reported for a bad %s", property).hasSize(1);
		assertThat(errors.get(0)).isInstanceOf(FieldError.class);
		FieldError error = (FieldError) errors.get(0);
		assertThat(DataObjectPropertyName.toDashedForm(error.getObjectName() + "." + error.getField()))
			.isEqualTo(property);
		assertThat(error.getDefaultMessage()).as("reason given for a bad %s", property).contains(reason);
		return error;
	}

}
