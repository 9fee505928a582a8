package io.myuser.social;

import java.util.List;

import io.myuser.security.AuthenticatedUser;
import io.myuser.support.ClientInfoResolver;
import io.myuser.support.web.Detail;
import io.myuser.support.web.MyUserApi;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code social/accounts/}: the caller's connected identities; {@code social/accounts/status/}: every configured
 * provider's state for the caller; {@code social/accounts/{provider}/disconnect/}: disconnect one.
 */
@MyUserApi
@RestController
public class SocialAccountController {

	private final SocialAccountService socialAccounts;

	private final ClientInfoResolver clientInfoResolver;

	public SocialAccountController(SocialAccountService socialAccounts, ClientInfoResolver clientInfoResolver) {
		Assert.notNull(socialAccounts, "socialAccounts cannot be null");
		Assert.notNull(clientInfoResolver, "clientInfoResolver cannot be null");
		this.socialAccounts = socialAccounts;
		this.clientInfoResolver = clientInfoResolver;
	}

	@GetMapping("/social/accounts")
	public List<SocialAccountService.ConnectedAccount> list(@AuthenticationPrincipal AuthenticatedUser user) {
		return this.socialAccounts.list(user.userId());
	}

	@GetMapping("/social/accounts/status")
	public SocialAccountService.Status status(@AuthenticationPrincipal AuthenticatedUser user) {
		return this.socialAccounts.status(user.userId());
	}

	@RequestMapping(path = "/social/accounts/{provider}/disconnect",
			method = { RequestMethod.POST, RequestMethod.DELETE })
	public Detail disconnect(@AuthenticationPrincipal AuthenticatedUser user,
			@PathVariable String provider, HttpServletRequest request) {
		this.socialAccounts.disconnect(user.userId(), provider, this.clientInfoResolver.resolve(request));
		return new Detail("Account disconnected.");
	}

}
