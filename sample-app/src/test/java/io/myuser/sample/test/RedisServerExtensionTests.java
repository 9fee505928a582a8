package io.myuser.sample.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis tests run where redis-server is installed; without it they skip with a message saying how to install
 * it, except under CI=true, where they run and fail.
 */
class RedisServerExtensionTests {

	@Test
	void installedServerRunsTheTests() {
		assertThat(RedisServerExtension.condition(true, false).isDisabled()).isFalse();
		assertThat(RedisServerExtension.condition(true, true).isDisabled()).isFalse();
	}

	@Test
	void missingServerSkipsWithAMessageOutsideCi() {
		ConditionEvaluationResult result = RedisServerExtension.condition(false, false);
		assertThat(result.isDisabled()).isTrue();
		assertThat(result.getReason()).hasValueSatisfying((reason) -> assertThat(reason)
			.contains("redis-server is not installed")
			.contains("apt-get install redis-server"));
	}

	@Test
	void missingServerOnCiRunsSoThatTheTestsFail() {
		assertThat(RedisServerExtension.condition(false, true).isDisabled()).isFalse();
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> RedisServerExtension.requireInstalled(false))
			.withMessageContaining("CI=true and redis-server is not installed");
	}

}
