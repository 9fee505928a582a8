package io.myuser.sample.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The browser tests run where chromium and chromedriver are installed; without them they skip with a message
 * saying how to install them, except under CI=true, where they run and fail.
 */
class ChromiumTests {

	@Test
	void an_installed_browser_runs_the_tests() {
		assertThat(Chromium.condition(true, false).isDisabled()).isFalse();
		assertThat(Chromium.condition(true, true).isDisabled()).isFalse();
	}

	@Test
	void a_missing_browser_skips_with_a_message_outside_ci() {
		ConditionEvaluationResult result = Chromium.condition(false, false);
		assertThat(result.isDisabled()).isTrue();
		assertThat(result.getReason()).hasValueSatisfying((reason) -> assertThat(reason)
			.contains("chromium or chromedriver is not installed")
			.contains("apt-get install chromium chromium-driver"));
	}

	@Test
	void a_missing_browser_on_ci_runs_so_that_the_tests_fail() {
		assertThat(Chromium.condition(false, true).isDisabled()).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> Chromium.requireInstalled(false))
			.withMessageContaining("CI=true and chromium or chromedriver is not installed");
	}

}
