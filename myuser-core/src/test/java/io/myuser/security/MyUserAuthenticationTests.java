package io.myuser.security;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MyUserAuthentication}.
 */
class MyUserAuthenticationTests {

	@Test
	void authoritiesWhenTokenCarriesNoneThenRoleUserOnly() {
		MyUserAuthentication authentication = new MyUserAuthentication(
				new AuthenticatedUser(UUID.randomUUID(), UUID.randomUUID(), "jti"));
		assertThat(AuthorityUtils.authorityListToSet(authentication.getAuthorities())).containsExactly("ROLE_USER");
	}

	@Test
	void authoritiesWhenTokenCarriesSomeThenRoleUserAndThose() {
		MyUserAuthentication authentication = new MyUserAuthentication(new AuthenticatedUser(UUID.randomUUID(),
				UUID.randomUUID(), "jti", List.of("ROLE_MYUSER_ADMIN", "reports:read")));
		assertThat(authentication.getAuthorities()).extracting(Object::toString)
			.containsExactly("ROLE_USER", "ROLE_MYUSER_ADMIN", "reports:read");
		assertThat(authentication.isAuthenticated()).isTrue();
	}

}
