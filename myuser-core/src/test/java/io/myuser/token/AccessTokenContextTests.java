package io.myuser.token;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AccessTokenContext}.
 */
class AccessTokenContextTests {

	private final AccessTokenContext context = new AccessTokenContext(
			new AccessTokenContext.Account(UUID.randomUUID(), "ada@example.com", true, true),
			new AccessTokenContext.Session(UUID.randomUUID(), "password"));

	@Test
	void addAuthorityWhenAddedTwiceThenKeptOnceInOrder() {
		this.context.addAuthority("ROLE_B").addAuthority("ROLE_A").addAuthority("ROLE_B");
		assertThat(this.context.authorities()).containsExactly("ROLE_B", "ROLE_A");
	}

	@Test
	void addAuthorityWhenEmptyThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.context.addAuthority(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> this.context.addAuthority(null));
		assertThat(this.context.authorities()).isEmpty();
	}

	@Test
	void claimWhenRegisteredNameThenThrowIllegalArgumentExceptionNamingIt() {
		for (String name : List.of("sub", "user_id", "sid", "jti", "iat", "exp", "iss", "aud", "token_type",
				"authorities", "nbf")) {
			assertThatIllegalArgumentException().isThrownBy(() -> this.context.claim(name, "x"))
				.withMessageStartingWith("Claim '" + name + "' is MyUser's own");
		}
		assertThat(this.context.claims()).isEmpty();
	}

	@Test
	void claimWhenNullValueOrEmptyNameThenThrowIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.context.claim("tenant", null));
		assertThatIllegalArgumentException().isThrownBy(() -> this.context.claim("", "x"));
	}

	@Test
	void claimWhenSameNameTwiceThenLastWins() {
		this.context.claim("tenant", "a").claim("tenant", "b");
		assertThat(this.context.claims()).isEqualTo(Map.of("tenant", "b"));
	}

}
