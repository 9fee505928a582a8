package io.myuser.sample;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A host application that uses MyUser through the starter only.
 */
@SpringBootApplication
public class SampleApplication {

	private static final Logger logger = LoggerFactory.getLogger(SampleApplication.class);

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SampleApplication.class);
		application.setDefaultProperties(Map.of("myuser.token.signing.secret", localSigningSecret()));
		application.run(args);
	}

	/**
	 * A random signing secret so that the sample runs with zero setup. It is only a default: a configured
	 * {@code myuser.token.signing.secret} (for example the MYUSER_TOKEN_SIGNING_SECRET environment variable) wins.
	 * Tokens signed with it stop working when the application restarts. Never do this in a real application.
	 */
	private static String localSigningSecret() {
		if (System.getenv("MYUSER_TOKEN_SIGNING_SECRET") == null
				&& System.getProperty("myuser.token.signing.secret") == null) {
			logger.warn("*** No myuser.token.signing.secret configured: the sample app generated a random one for "
					+ "this run. Tokens will not survive a restart. Set MYUSER_TOKEN_SIGNING_SECRET outside local "
					+ "development. ***");
		}
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return "base64:" + Base64.getEncoder().encodeToString(secret);
	}

}
