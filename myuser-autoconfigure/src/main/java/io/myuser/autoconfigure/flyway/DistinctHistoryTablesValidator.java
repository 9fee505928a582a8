package io.myuser.autoconfigure.flyway;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link DistinctHistoryTables}, reporting the violation on {@code host-table} so that Spring Boot's binding
 * report reads {@code myuser.flyway.host-table} with its value.
 */
final class DistinctHistoryTablesValidator
		implements ConstraintValidator<DistinctHistoryTables, MyUserFlywayProperties> {

	@Override
	public boolean isValid(@Nullable MyUserFlywayProperties properties, ConstraintValidatorContext context) {
		if (properties == null || properties.getHostTable() == null
				|| !properties.getHostTable().equals(properties.getTable())) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
			.addPropertyNode("host-table")
			.addConstraintViolation();
		return false;
	}

}
