package io.myuser.sample.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.myuser.account.NewUser;
import io.myuser.account.UserAccountService;
import io.myuser.security.MyUserRoutes;
import io.myuser.support.ClientInfo;
import io.myuser.token.AccessTokenCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * What a host of {@link StaffAuthorityTests} adds: an endpoint of its own that shows the request's authorities, a
 * route on MyUser's chain open to staff only, two customizers, and an account that exists (verified, listed in
 * {@code myuser.admin.staff-emails}) before the application has started.
 */
@TestConfiguration(proxyBeanMethods = false)
class StaffTestConfiguration {

	/** The host's endpoint, on the sample's own chain: any authenticated request. */
	static final String WHOAMI_PATH = "/api/test/whoami";

	/** A route on MyUser's chain that needs {@code ROLE_MYUSER_ADMIN}. */
	static final String STAFF_PATH = "/api/auth/test/staff";

	/** A listed address whose account exists, verified, when the application starts. */
	static final String LISTED_AT_START = "first.admin@staff.example";

	/** A listed address whose account is verified while the application runs. */
	static final String LISTED_LATER = "later.admin@staff.example";

	static final String PASSWORD = "a staff passphrase";

	@Bean
	RouterFunction<ServerResponse> staffTestRoutes() {
		return RouterFunctions.route().GET(WHOAMI_PATH, (request) -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			List<String> authorities = new ArrayList<>();
			for (GrantedAuthority authority : authentication.getAuthorities()) {
				authorities.add(authority.getAuthority());
			}
			return ServerResponse.ok().body(Map.of("name", authentication.getName(), "authorities", authorities));
		}).GET(STAFF_PATH, (request) -> ServerResponse.ok().body(Map.of("staff", true))).build();
	}

	@Bean
	MyUserRoutes staffTestMyUserRoutes() {
		return MyUserRoutes.of("staff test").hasRole("MYUSER_ADMIN", HttpMethod.GET, "/test/staff").build();
	}

	/** Runs second: adds a claim naming the account's session's login method, and one authority. */
	@Bean
	@Order(2)
	AccessTokenCustomizer tenantCustomizer() {
		return (context) -> context.addAuthority("reports:read")
			.claim("tenant", "acme")
			.claim("login_method", context.session().loginMethod())
			.claim("account_staff", context.account().staff());
	}

	/** Runs first: tries to set the claim a test names, which must be refused. */
	@Bean
	@Order(1)
	AccessTokenCustomizer forbiddenClaimCustomizer(ForbiddenClaim forbidden) {
		return (context) -> {
			String name = forbidden.name.get();
			if (name != null) {
				context.claim(name, "overwritten");
			}
		};
	}

	@Bean
	ForbiddenClaim forbiddenClaim() {
		return new ForbiddenClaim();
	}

	/**
	 * An account created unverified and then verified behind MyUser's back (as one verified before the address was
	 * listed), after the schema is migrated and before the context has finished starting.
	 */
	@Bean
	SmartInitializingSingleton existingListedAccount(ObjectProvider<UserAccountService> accounts,
			ObjectProvider<JdbcTemplate> jdbc) {
		return () -> {
			if (accounts.getObject().findByEmail(LISTED_AT_START).isEmpty()) {
				var user = accounts.getObject()
					.createUser(new NewUser(LISTED_AT_START, PASSWORD, "First", "Admin", false, false),
							ClientInfo.NONE);
				jdbc.getObject().update("update myuser_user set email_verified = true where id = ?", user.getId());
			}
		};
	}

	/** The claim name the first customizer sets, when a test names one. */
	static final class ForbiddenClaim {

		final AtomicReference<String> name = new AtomicReference<>();

	}

}
