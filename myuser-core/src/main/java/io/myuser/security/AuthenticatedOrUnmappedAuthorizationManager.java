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
 * it would reach no handler at all, so that unknown routes answer 404 (and a wrong method 405) rather than 401.
 * No controller code ever runs for an anonymous request that this rule lets through.
 */
public final class AuthenticatedOrUnmappedAuthorizationManager
		implements AuthorizationManager<RequestAuthorizationContext> {

	private final Predicate<HttpServletRequest> isMapped;

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	public AuthenticatedOrUnmappedAuthorizationManager(Predicate<HttpServletRequest> isMapped) {
		Assert.notNull(isMapped, "isMapped cannot be null");
		this.isMapped = isMapped;
	}

	@Override
	public @Nullable AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication current = authentication.get();
		if (current != null && this.trustResolver.isAuthenticated(current)) {
			return new AuthorizationDecision(true);
		}
		return new AuthorizationDecision(!this.isMapped.test(context.getRequest()));
	}

}
