package io.myuser.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries a MyUser access token. A request without a token passes on anonymous (the
 * authorization rules decide); a request with an unusable token is answered 401 at once, even on public routes,
 * so a client never mistakes a broken token for a working one.
 */
public final class AccessTokenAuthenticationFilter extends OncePerRequestFilter {

	private final AccessTokenVerifier verifier;

	private final AuthenticationEntryPoint entryPoint;

	private AccessTokenExtractor tokenResolver = new AuthorizationHeaderTokenExtractor();

	private SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	public AccessTokenAuthenticationFilter(AccessTokenVerifier verifier, AuthenticationEntryPoint entryPoint) {
		Assert.notNull(verifier, "verifier cannot be null");
		Assert.notNull(entryPoint, "entryPoint cannot be null");
		this.verifier = verifier;
		this.entryPoint = entryPoint;
	}

	public void setTokenResolver(AccessTokenExtractor tokenResolver) {
		Assert.notNull(tokenResolver, "tokenResolver cannot be null");
		this.tokenResolver = tokenResolver;
	}

	public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy contextHolder) {
		Assert.notNull(contextHolder, "contextHolder cannot be null");
		this.contextHolder = contextHolder;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token;
		try {
			token = this.tokenResolver.resolve(request);
		}
		catch (AuthenticationException ex) {
			this.contextHolder.clearContext();
			this.entryPoint.commence(request, response, ex);
			return;
		}
		if (token == null) {
			chain.doFilter(request, response);
			return;
		}
		AuthenticatedUser user;
		try {
			user = this.verifier.verify(token);
		}
		catch (AuthenticationException ex) {
			this.contextHolder.clearContext();
			this.entryPoint.commence(request, response, ex);
			return;
		}
		SecurityContext context = this.contextHolder.createEmptyContext();
		context.setAuthentication(new MyUserAuthentication(user));
		this.contextHolder.setContext(context);
		chain.doFilter(request, response);
	}

}
