package io.myuser.sample.test;

import java.io.IOException;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a {@link RedisServer} before a test class and stops it after, registered on a static field:
 * <pre>
 * &#64;RegisterExtension
 * static final RedisServerExtension redis = new RedisServerExtension();
 * </pre>
 * Where {@code redis-server} is not installed the class is skipped with a message saying how to install it, except
 * when the environment variable {@code CI} is {@code true}: there the class fails, so that a CI machine without the
 * server cannot pass by running none of the Redis tests.
 */
public final class RedisServerExtension implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

	/** Whether this run is CI's, where a missing redis-server fails the tests instead of skipping them. */
	public static boolean onCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	private RedisServer server;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		return condition(RedisServer.executable().isPresent(), onCi());
	}

	/**
	 * Whether Redis tests run: where the server is installed, and under CI even where it is not (they then fail).
	 * @param installed whether redis-server was found
	 * @param onCi whether this is CI's run
	 * @return the condition
	 */
	static ConditionEvaluationResult condition(boolean installed, boolean onCi) {
		if (installed) {
			return ConditionEvaluationResult.enabled("redis-server is installed");
		}
		if (onCi) {
			return ConditionEvaluationResult.enabled("CI=true: the Redis tests must run, and fail without the server");
		}
		return ConditionEvaluationResult.disabled("redis-server is not installed (not on the PATH, nor at "
				+ "/usr/bin/redis-server): the Redis tests are skipped. Install it (Debian: apt-get install "
				+ "redis-server) to run them; under CI=true they fail instead of skipping.");
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		requireInstalled(RedisServer.executable().isPresent());
		this.server = RedisServer.start();
	}

	/** Reached only when the tests run: without the server, that is CI's run, which must fail. */
	static void requireInstalled(boolean installed) {
		if (!installed) {
			throw new IllegalStateException("CI=true and redis-server is not installed (not on the PATH, nor at "
					+ "/usr/bin/redis-server): .ci/run installs it with apt-get; the Redis tests cannot be skipped on "
					+ "CI");
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.server != null) {
			this.server.close();
			this.server = null;
		}
	}

	/**
	 * The server of the running test class.
	 * @return the server
	 */
	public RedisServer server() {
		if (this.server == null) {
			throw new IllegalStateException("the Redis server is started before the test class, on a static field");
		}
		return this.server;
	}

}
