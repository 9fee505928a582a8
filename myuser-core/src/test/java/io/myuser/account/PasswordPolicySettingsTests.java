package io.myuser.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PasswordPolicySettings}.
 */
class PasswordPolicySettingsTests {

	@Test
	void defaultsThenEightTo128CharactersAndBothRulesOn() {
		assertThat(PasswordPolicySettings.defaults()).isEqualTo(new PasswordPolicySettings(8, 128, true, true));
	}

	@Test
	void constructorWhenBoundsAtTheirLimitsThenAccepted() {
		assertThat(new PasswordPolicySettings(1, 1, false, false).maxLength()).isEqualTo(1);
		assertThat(new PasswordPolicySettings(4096, 4096, true, true).minLength()).isEqualTo(4096);
	}

	@Test
	void constructorWhenMinLengthBelowOneThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PasswordPolicySettings(0, 128, true, true))
			.withMessage("minLength must be at least 1");
	}

	@Test
	void constructorWhenMaxLengthBelowMinLengthThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PasswordPolicySettings(12, 11, true, true))
			.withMessage("maxLength must not be less than minLength");
	}

	@Test
	void constructorWhenMaxLengthAbove4096ThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PasswordPolicySettings(8, 4097, true, true))
			.withMessage("maxLength must be at most 4096");
	}

}
