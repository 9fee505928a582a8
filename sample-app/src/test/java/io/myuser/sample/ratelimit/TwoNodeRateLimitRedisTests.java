package io.myuser.sample.ratelimit;

import io.myuser.sample.test.RedisServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@link TwoNodeRateLimitTests} with the {@code redis} store: two nodes, each on a database of its own (H2), on one
 * real {@code redis-server} reached through {@code spring.data.redis.url}.
 */
class TwoNodeRateLimitRedisTests extends TwoNodeRateLimitTests {

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void startCluster() {
		a = startNode("--myuser.rate-limit.store=redis", "--spring.data.redis.url=" + redis.server().uri(),
				"--spring.datasource.url=jdbc:h2:mem:node-a-${random.uuid};DB_CLOSE_DELAY=-1");
		b = startNode("--myuser.rate-limit.store=redis", "--spring.data.redis.url=" + redis.server().uri(),
				"--spring.datasource.url=jdbc:h2:mem:node-b-${random.uuid};DB_CLOSE_DELAY=-1");
	}

	@Override
	ConfigurableApplicationContext nodeA() {
		return a;
	}

	@Override
	ConfigurableApplicationContext nodeB() {
		return b;
	}

}
