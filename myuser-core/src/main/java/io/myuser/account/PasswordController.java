package io.myuser.account;

import java.util.Locale;

import io.myuser.ratelimit.RateLimitScopes;
import io.myuser.ratelimit.RateLimits;
import io.myuser.security.AuthenticatedUser;
import io.myuser.support.ClientInfoResolver;
import io.myuser.support.InvalidInputException;
import io.myuser.support.web.Detail;
import io.myuser.support.web.MyUserApi;
import io.myuser.support.web.ProblemAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code password/reset/}, {@code password/reset/confirm/} and {@code password/change/}.
 */
@MyUserApi
@RestController
public class PasswordController {

	/** The one answer to {@code password/reset/}, whether or not the address is registered. */
	public static final String RESET_SENT = "Password reset e-mail has been sent.";

	private final AccountFlowService flows;

	private final ClientInfoResolver clientInfoResolver;

	private final RateLimits rateLimits;

	public PasswordController(AccountFlowService flows, ClientInfoResolver clientInfoResolver,
			RateLimits rateLimits) {
		Assert.notNull(flows, "flows cannot be null");
		Assert.notNull(clientInfoResolver, "clientInfoResolver cannot be null");
		this.flows = flows;
		this.clientInfoResolver = clientInfoResolver;
		Assert.notNull(rateLimits, "rateLimits cannot be null");
		this.rateLimits = rateLimits;
	}

	@PostMapping(path = "/password/reset", consumes = "application/json")
	@ProblemAnswers(429)
	public Detail reset(@Valid @RequestBody AccountRequests.EmailOnly body, Locale locale,
			HttpServletRequest request) {
		// Before the mail job is enqueued; known and unknown addresses spend alike.
		this.rateLimits.spendForIp(RateLimitScopes.PASSWORD_RESET_PER_IP,
				this.clientInfoResolver.resolve(request).ipAddress());
		this.rateLimits.spendForAddress(RateLimitScopes.PASSWORD_RESET_PER_ADDRESS, body.email());
		this.flows.requestPasswordReset(body.email(), locale);
		return new Detail(RESET_SENT);
	}

	@PostMapping(path = "/password/reset/confirm", consumes = "application/json")
	public Detail confirm(@Valid @RequestBody AccountRequests.ResetConfirm body, Locale locale,
			HttpServletRequest request) {
		requireSame("new_password2", body.newPassword1(), body.newPassword2());
		if (!this.flows.confirmPasswordReset(body.token(), body.newPassword1(), locale,
				this.clientInfoResolver.resolve(request))) {
			throw InvalidInputException.forField("token", "Invalid value: the link is unknown, used or expired.");
		}
		return new Detail("Password has been reset with the new password.");
	}

	@PostMapping(path = "/password/change", consumes = "application/json")
	@ProblemAnswers(429)
	public Detail change(@AuthenticationPrincipal AuthenticatedUser user,
			@Valid @RequestBody AccountRequests.Change body, Locale locale, HttpServletRequest request) {
		requireSame("new_password2", body.newPassword1(), body.newPassword2());
		// Before the current password is hashed: a stolen access token is no way to guess the password.
		this.rateLimits.spendForUser(RateLimitScopes.PASSWORD_CHANGE_PER_USER, user.userId());
		this.flows.changePassword(user.userId(), user.sessionId(), body.oldPassword(), body.newPassword1(), locale,
				this.clientInfoResolver.resolve(request));
		return new Detail("New password has been saved.");
	}

	/** The two fields must hold one password; equivalent Unicode spellings of it count as the same. */
	static void requireSame(String field, String first, String second) {
		if (!NormalizingPasswordEncoder.normalize(first).equals(NormalizingPasswordEncoder.normalize(second))) {
			throw InvalidInputException.forField(field, "The two password fields didn't match.");
		}
	}

}
