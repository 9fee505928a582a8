package io.myuser.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An {@link org.springframework.security.core.Authentication} made from a verified MyUser access token.
 */
public final class MyUserAuthentication extends AbstractAuthenticationToken {

	private static final List<SimpleGrantedAuthority> USER = List.of(new SimpleGrantedAuthority("ROLE_USER"));

	private final AuthenticatedUser principal;

	public MyUserAuthentication(AuthenticatedUser principal) {
		super(USER);
		this.principal = principal;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public AuthenticatedUser getPrincipal() {
		return this.principal;
	}

}
