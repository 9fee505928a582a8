package io.myuser.autoconfigure;

import java.util.UUID;

import io.myuser.account.NewUser;
import io.myuser.account.User;
import io.myuser.account.UserAccountService;
import io.myuser.support.ClientInfo;

import org.springframework.context.ApplicationContext;

/**
 * Creates accounts through the real {@link UserAccountService} of a test context, so that tests can follow the
 * events an account creation publishes.
 */
public final class MyUserTestUsers {

	private MyUserTestUsers() {
	}

	/**
	 * Create an account without a password (no hashing, so it stays fast) and a fresh email address.
	 * @param context the context
	 * @return the new user
	 */
	public static User createUser(ApplicationContext context) {
		return context.getBean(UserAccountService.class)
			.createUser(new NewUser(uniqueEmail(), null, "Ada", "Lovelace", true, false), ClientInfo.NONE);
	}

	/**
	 * Create an account with a password.
	 * @param context the context
	 * @param email the email address
	 * @param rawPassword the password
	 * @param emailVerified whether the address is verified
	 * @return the new user
	 */
	public static User createUser(ApplicationContext context, String email, String rawPassword,
			boolean emailVerified) {
		return context.getBean(UserAccountService.class)
			.createUser(NewUser.withPassword(email, rawPassword, emailVerified), ClientInfo.NONE);
	}

	/**
	 * A fresh email address.
	 * @return the address
	 */
	public static String uniqueEmail() {
		return "user-" + UUID.randomUUID() + "@example.com";
	}

}
