package io.myuser.sample;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A host application that uses MyUser through the starter only.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * Return the application exactly as {@link #main} runs it, with {@link LocalSigningSecret} listening.
	 * @return the application, not yet running
	 */
	static SpringApplication application() {
		SpringApplication application = new SpringApplication(SampleApplication.class);
		application.addListeners(new LocalSigningSecret());
		return application;
	}

	/**
	 * When no {@code myuser.token.signing.secret} is configured anywhere, supplies a random one so that the sample
	 * runs with zero setup, and says so loudly. Tokens signed with it stop working when the application restarts.
	 * A real application configures its secret (for example MYUSER_TOKEN_SIGNING_SECRET) and never does this.
	 */
	static final class LocalSigningSecret implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

		private static final Logger logger = LoggerFactory.getLogger(SampleApplication.class);

		private static final String PROPERTY = "myuser.token.signing.secret";

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			ConfigurableEnvironment environment = event.getEnvironment();
			String algorithm = environment.getProperty("myuser.token.signing.algorithm", "HS256");
			if (environment.containsProperty(PROPERTY) || !"HS256".equals(algorithm)) {
				return;
			}
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			environment.getPropertySources()
				.addLast(new MapPropertySource("sampleLocalSigningSecret",
						Map.of(PROPERTY, "base64:" + Base64.getEncoder().encodeToString(secret))));
			logger.warn("*** No {} configured: the sample app generated a random one for this run. Tokens will not "
					+ "survive a restart. Set MYUSER_TOKEN_SIGNING_SECRET outside local development. ***", PROPERTY);
		}

	}

}
