package io.myuser.token;

/**
 * Adds authorities and extra claims to the access tokens MyUser issues, at login (password, social, and the login
 * of a registration that needs no verification) and at every refresh. Beans of this type are applied in their
 * {@link org.springframework.core.annotation.Order order}, after MyUser has added its own authorities (the admin
 * authority of a staff account).
 * <p>
 * Authorities end up on the {@link org.springframework.security.core.Authentication} of every request the token
 * authenticates, beside {@code ROLE_USER}. Extra claims are written into the JWT for the host's other services;
 * they may not use MyUser's own claim names ({@link TokenClaims#REGISTERED_CLAIMS}). An access token keeps what it
 * was issued with until it expires: a change to the account shows in the tokens issued after it, at the next
 * refresh at the latest.
 * <p>
 * A customizer runs inside the transaction that issues the token; it should be quick and must not write to the
 * account. An exception it throws fails the login or the refresh.
 */
@FunctionalInterface
public interface AccessTokenCustomizer {

	/**
	 * Customize an access token about to be issued.
	 * @param context the account, the session, and what the token will carry
	 */
	void customize(AccessTokenContext context);

}
