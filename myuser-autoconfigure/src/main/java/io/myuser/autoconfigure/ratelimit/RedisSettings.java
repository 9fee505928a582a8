package io.myuser.autoconfigure.ratelimit;

import java.time.Duration;

import io.lettuce.core.RedisURI;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The address of the Redis the rate-limit store uses, read from the host's {@code spring.data.redis.*} settings
 * as Spring Boot reads them: {@code url} when set (it wins), otherwise {@code host}, {@code port},
 * {@code database}, {@code username}, {@code password}, {@code ssl.enabled}; {@code timeout} bounds each command.
 */
final class RedisSettings {

	private RedisSettings() {
	}

	static RedisURI uri(Environment environment) {
		String url = environment.getProperty("spring.data.redis.url");
		RedisURI uri;
		if (StringUtils.hasText(url)) {
			uri = RedisURI.create(url);
		}
		else {
			RedisURI.Builder builder = RedisURI.builder()
				.withHost(environment.getProperty("spring.data.redis.host", "localhost"))
				.withPort(environment.getProperty("spring.data.redis.port", Integer.class, 6379))
				.withDatabase(environment.getProperty("spring.data.redis.database", Integer.class, 0))
				.withSsl(environment.getProperty("spring.data.redis.ssl.enabled", Boolean.class, false));
			String password = environment.getProperty("spring.data.redis.password");
			if (StringUtils.hasText(password)) {
				String username = environment.getProperty("spring.data.redis.username");
				if (StringUtils.hasText(username)) {
					builder.withAuthentication(username, password.toCharArray());
				}
				else {
					builder.withPassword(password.toCharArray());
				}
			}
			uri = builder.build();
		}
		// Bound as Boot binds it: "750ms", "2s", "PT2S" or plain milliseconds.
		Binder.get(environment).bind("spring.data.redis.timeout", Duration.class).ifBound(uri::setTimeout);
		return uri;
	}

}
