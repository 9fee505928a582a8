package io.myuser.token;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.myuser.ratelimit.RateLimitScopes;
import io.myuser.ratelimit.RateLimits;
import io.myuser.support.ClientInfo;
import io.myuser.support.ClientInfoResolver;
import io.myuser.support.InvalidInputException;
import io.myuser.support.web.MyUserApi;
import io.myuser.support.web.ProblemAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code token/}: password login; {@code token/refresh/}: new tokens for a refresh token; {@code token/verify/}:
 * whether a token is valid and unrevoked.
 */
@MyUserApi
@RestController
public class TokenController {

	private final PasswordLoginService loginService;

	private final TokenService tokens;

	private final ClientInfoResolver clientInfoResolver;

	private final RateLimits rateLimits;

	public TokenController(PasswordLoginService loginService, TokenService tokens,
			ClientInfoResolver clientInfoResolver, RateLimits rateLimits) {
		Assert.notNull(loginService, "loginService cannot be null");
		Assert.notNull(tokens, "tokens cannot be null");
		Assert.notNull(clientInfoResolver, "clientInfoResolver cannot be null");
		this.loginService = loginService;
		this.tokens = tokens;
		this.clientInfoResolver = clientInfoResolver;
		Assert.notNull(rateLimits, "rateLimits cannot be null");
		this.rateLimits = rateLimits;
	}

	@PostMapping(path = "/token", consumes = "application/json")
	@ProblemAnswers({ 401, 403, 429 })
	public TokenResponse obtainToken(@Valid @RequestBody LoginRequest body, Locale locale,
			HttpServletRequest request) {
		String email = StringUtils.hasText(body.email()) ? body.email() : body.username();
		if (!StringUtils.hasText(email)) {
			throw InvalidInputException.forField("email", "Give the username or the email.");
		}
		ClientInfo client = this.clientInfoResolver.resolve(request);
		// Before the password hash: a flood costs a cache lookup per request, not an Argon2 hash.
		this.rateLimits.spendForIp(RateLimitScopes.LOGIN_PER_IP, client.ipAddress());
		TokenPair pair = this.loginService.login(email, body.password(), locale, client);
		return new TokenResponse(pair.access(), pair.refresh());
	}

	@PostMapping(path = "/token/refresh", consumes = "application/json")
	@ProblemAnswers({ 401, 429 })
	public RefreshResponse refresh(@Valid @RequestBody TokenRequests.Refresh body, HttpServletRequest request) {
		ClientInfo client = this.clientInfoResolver.resolve(request);
		this.rateLimits.spendForIp(RateLimitScopes.TOKEN_REFRESH_PER_IP, client.ipAddress());
		RefreshOutcome outcome;
		try {
			outcome = this.tokens.refresh(body.refresh(), client);
		}
		catch (InvalidTokenException ex) {
			throw new TokenRefusedException(ex.getMessage());
		}
		return new RefreshResponse(outcome.access(), outcome.refresh());
	}

	/**
	 * Body of a refresh: the new access token and, when refresh tokens rotate, the new refresh token.
	 *
	 * @param access the access token
	 * @param refresh the refresh token, absent when it does not rotate
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record RefreshResponse(String access, @Nullable String refresh) {

		@Override
		public String toString() {
			// Never the tokens: answers are logged by Spring MVC at DEBUG and TRACE.
			return "RefreshResponse[…]";
		}

	}

	@PostMapping(path = "/token/verify", consumes = "application/json")
	@ProblemAnswers(401)
	public TokenValid verify(@Valid @RequestBody TokenRequests.Verify body, HttpServletRequest request) {
		try {
			this.tokens.verifyAnyToken(body.token(), this.clientInfoResolver.resolve(request));
		}
		catch (InvalidTokenException ex) {
			throw new TokenRefusedException(ex.getMessage());
		}
		return new TokenValid();
	}

	/**
	 * Body of a successful verification: an empty object, as in djangorestframework-simplejwt.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record TokenValid() {

	}

}
