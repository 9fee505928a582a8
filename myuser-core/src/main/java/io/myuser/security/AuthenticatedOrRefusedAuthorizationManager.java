package io.myuser.security;

import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.util.Assert;

/**
 * Default-deny rule for the MyUser base path: an authenticated request passes; an anonymous one passes only when
 * Spring MVC would refuse it without running any handler (a known route asked with the wrong method or media
 * type), so that it gets the honest 405 or 415 rather than 401. Anything else an anonymous caller asks for under
 * the base path is refused with 401: MyUser's own routes, and whatever the host maps there (router functions,
 * static resources, actuator endpoints, other servlets), and routes that do not exist.
 */
public final class AuthenticatedOrRefusedAuthorizationManager
		implements AuthorizationManager<RequestAuthorizationContext> {

	private final Predicate<HttpServletRequest> isRefusedWithoutHandler;

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	/**
	 * Create the rule.
	 * @param isRefusedWithoutHandler tells whether Spring MVC would answer a request with an error and run no
	 * handler for it
	 */
	public AuthenticatedOrRefusedAuthorizationManager(Predicate<HttpServletRequest> isRefusedWithoutHandler) {
		Assert.notNull(isRefusedWithoutHandler, "isRefusedWithoutHandler cannot be null");
		this.isRefusedWithoutHandler = isRefusedWithoutHandler;
	}

	@Override
	public @Nullable AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication current = authentication.get();
		if (current != null && this.trustResolver.isAuthenticated(current)) {
			return new AuthorizationDecision(true);
		}
		return new AuthorizationDecision(this.isRefusedWithoutHandler.test(context.getRequest()));
	}

}
