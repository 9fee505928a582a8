package io.myuser.social;

import io.myuser.token.PasswordLoginService.LoginSettings;

import org.springframework.util.Assert;

/**
 * How social logins resolve accounts.
 *
 * @param emailAuthentication whether a first login whose address matches an account may link to it, when the
 * provider asserts the address verified and the account's address is verified too (off by default: the account's
 * owner can always log in and connect the provider instead)
 * @param login how unverified addresses are treated, as for password logins
 * @param signUp whether a first social login with a new address may create an account (off when registration is
 * closed, {@code myuser.account.registration-enabled=false})
 */
public record SocialSettings(boolean emailAuthentication, LoginSettings login, boolean signUp) {

	public SocialSettings {
		Assert.notNull(login, "login cannot be null");
	}

}
