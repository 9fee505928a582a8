package io.myuser.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An {@link org.springframework.security.core.Authentication} made from a verified MyUser access token: the
 * authority {@code ROLE_USER}, followed by those the token carries ({@link AuthenticatedUser#authorities()}, such
 * as {@code ROLE_MYUSER_ADMIN} for a staff account).
 */
public final class MyUserAuthentication extends AbstractAuthenticationToken {

	private static final List<SimpleGrantedAuthority> USER = List.of(new SimpleGrantedAuthority("ROLE_USER"));

	private final AuthenticatedUser principal;

	public MyUserAuthentication(AuthenticatedUser principal) {
		super(authorities(principal));
		this.principal = principal;
		setAuthenticated(true);
	}

	private static List<SimpleGrantedAuthority> authorities(AuthenticatedUser principal) {
		if (principal.authorities().isEmpty()) {
			return USER;
		}
		List<SimpleGrantedAuthority> authorities = new ArrayList<>(principal.authorities().size() + 1);
		authorities.addAll(USER);
		for (String authority : principal.authorities()) {
			authorities.add(new SimpleGrantedAuthority(authority));
		}
		return authorities;
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
