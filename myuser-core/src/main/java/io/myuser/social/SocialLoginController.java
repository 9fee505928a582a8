package io.myuser.social;

import java.util.Locale;

import io.myuser.ratelimit.RateLimitScopes;
import io.myuser.ratelimit.RateLimits;
import io.myuser.security.AuthenticatedUser;
import io.myuser.social.provider.SocialCredential;
import io.myuser.support.ClientInfo;
import io.myuser.support.ClientInfoResolver;
import io.myuser.support.web.Detail;
import io.myuser.support.web.MyUserApi;
import io.myuser.support.web.ProblemAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code social/{provider}/}: log in with a provider credential; {@code social/{provider}/connect/}: connect a
 * provider identity to the caller's account. Both spend the caller's IP's {@code social} budget before any provider
 * is called.
 */
@MyUserApi
@RestController
public class SocialLoginController {

	private final SocialLoginService logins;

	private final SocialAccountService socialAccounts;

	private final ClientInfoResolver clientInfoResolver;

	private final RateLimits rateLimits;

	public SocialLoginController(SocialLoginService logins, SocialAccountService socialAccounts,
			ClientInfoResolver clientInfoResolver, RateLimits rateLimits) {
		Assert.notNull(logins, "logins cannot be null");
		Assert.notNull(socialAccounts, "socialAccounts cannot be null");
		Assert.notNull(clientInfoResolver, "clientInfoResolver cannot be null");
		Assert.notNull(rateLimits, "rateLimits cannot be null");
		this.logins = logins;
		this.socialAccounts = socialAccounts;
		this.clientInfoResolver = clientInfoResolver;
		this.rateLimits = rateLimits;
	}

	@PostMapping(path = "/social/{provider}", consumes = "application/json")
	@ProblemAnswers({ 429, 502 })
	public SocialLoginResponse login(@PathVariable String provider,
			@Valid @RequestBody SocialRequests.Credential body, Locale locale, HttpServletRequest request) {
		// The body first: a malformed one is 400 whatever the provider.
		SocialCredential credential = body.toCredential();
		this.logins.provider(provider);
		ClientInfo client = this.clientInfoResolver.resolve(request);
		this.rateLimits.spendForIp(RateLimitScopes.SOCIAL_PER_IP, client.ipAddress());
		return SocialLoginResponse.of(this.logins.login(provider, credential, locale, client));
	}

	@PostMapping(path = "/social/{provider}/connect", consumes = "application/json")
	@ProblemAnswers({ 429, 502 })
	public Detail connect(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String provider,
			@Valid @RequestBody SocialRequests.Credential body, Locale locale, HttpServletRequest request) {
		SocialCredential credential = body.toCredential();
		String name = this.logins.provider(provider).displayName();
		ClientInfo client = this.clientInfoResolver.resolve(request);
		this.rateLimits.spendForIp(RateLimitScopes.SOCIAL_PER_IP, client.ipAddress());
		boolean connected = this.socialAccounts.connect(user.userId(), provider, credential, locale, client);
		return new Detail(connected ? name + " account connected." : name + " account already connected.");
	}

}
