package io.myuser.sample;

import io.myuser.account.NewUser;
import io.myuser.account.UserAccountService;
import io.myuser.support.ClientInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Creates a verified demo account on startup so the sample can be tried at once. Switched on in the default
 * (in-memory H2) configuration only. It runs once every bean exists and before the web server starts, so the
 * first request that reaches the port finds the account (an {@code ApplicationRunner} would run after the port
 * opened, and a quick first login could be refused).
 */
@Component
@ConditionalOnBooleanProperty("sample.demo-user.enabled")
class DemoUserInitializer implements SmartInitializingSingleton {

	static final String EMAIL = "demo@example.com";

	static final String PASSWORD = "correct horse battery staple";

	private static final Logger logger = LoggerFactory.getLogger(DemoUserInitializer.class);

	private final UserAccountService accounts;

	DemoUserInitializer(UserAccountService accounts) {
		this.accounts = accounts;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.accounts.findByEmail(EMAIL).isEmpty()) {
			this.accounts.createUser(new NewUser(EMAIL, PASSWORD, "Demo", "User", true, false), ClientInfo.NONE);
			logger.info("Demo account: {} / {}  (try: curl -X POST localhost:8080/api/auth/token/ "
					+ "-H 'Content-Type: application/json' -d '{\"email\":\"{}\",\"password\":\"{}\"}')", EMAIL,
					PASSWORD, EMAIL, PASSWORD);
		}
	}

}
