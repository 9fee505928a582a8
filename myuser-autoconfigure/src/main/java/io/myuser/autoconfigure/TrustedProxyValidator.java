package io.myuser.autoconfigure;

import io.myuser.support.ClientInfoResolver;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks a {@link TrustedProxy} entry with the same rule as {@link ClientInfoResolver}'s constructor.
 */
final class TrustedProxyValidator implements ConstraintValidator<TrustedProxy, String> {

	@Override
	public boolean isValid(@Nullable String entry, ConstraintValidatorContext context) {
		return ClientInfoResolver.isAddressOrRange(entry);
	}

}
