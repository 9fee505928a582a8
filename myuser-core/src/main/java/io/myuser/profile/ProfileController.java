package io.myuser.profile;

import io.myuser.ratelimit.RateLimitScopes;
import io.myuser.ratelimit.RateLimits;
import io.myuser.security.AuthenticatedUser;
import io.myuser.security.AccountGoneException;
import io.myuser.support.ClientInfoResolver;
import io.myuser.support.web.MyUserApi;
import io.myuser.support.web.ProblemAnswers;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.Assert;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code profile/}: the caller's profile; {@code PUT} and {@code PATCH} change it (both partially). POST and
 * DELETE answer 405.
 */
@MyUserApi
@RestController
public class ProfileController {

	private final ProfileService profiles;

	private final ClientInfoResolver clientInfoResolver;

	private final RateLimits rateLimits;

	public ProfileController(ProfileService profiles, ClientInfoResolver clientInfoResolver, RateLimits rateLimits) {
		Assert.notNull(profiles, "profiles cannot be null");
		Assert.notNull(clientInfoResolver, "clientInfoResolver cannot be null");
		this.profiles = profiles;
		this.clientInfoResolver = clientInfoResolver;
		Assert.notNull(rateLimits, "rateLimits cannot be null");
		this.rateLimits = rateLimits;
	}

	@GetMapping("/profile")
	public ProfileView profile(@AuthenticationPrincipal AuthenticatedUser user) {
		return this.profiles.findProfile(user.userId()).orElseThrow(AccountGoneException::new);
	}

	@ProblemAnswers(429)
	@RequestMapping(path = "/profile", method = { RequestMethod.PUT, RequestMethod.PATCH },
			consumes = "application/json")
	public ProfileView update(@AuthenticationPrincipal AuthenticatedUser user,
			@Valid @RequestBody ProfileUpdate body, HttpServletRequest request) {
		this.rateLimits.spendForUser(RateLimitScopes.PROFILE_UPDATE_PER_USER, user.userId());
		return this.profiles.update(user.userId(), body, this.clientInfoResolver.resolve(request))
			.orElseThrow(AccountGoneException::new);
	}

}
