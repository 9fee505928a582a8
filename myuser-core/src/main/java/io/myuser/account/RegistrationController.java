package io.myuser.account;

import java.util.Locale;
import java.util.Optional;

import io.myuser.account.AccountSettings.EmailVerificationMode;
import io.myuser.ratelimit.RateLimitScopes;
import io.myuser.ratelimit.RateLimits;
import io.myuser.support.ClientInfo;
import io.myuser.support.ClientInfoResolver;
import io.myuser.support.InvalidInputException;
import io.myuser.support.web.Detail;
import io.myuser.support.web.MyUserApi;
import io.myuser.support.web.ProblemAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code registration/}, {@code registration/verify-email/} and {@code registration/resend-email/}. With
 * verification off, a new account is logged in at once through the {@link RegistrationLogin} the token feature
 * contributes.
 */
@MyUserApi
@RestController
public class RegistrationController {

	/** The answer to a registration while verification is on, for new and taken addresses alike. */
	public static final String VERIFICATION_SENT = "Verification e-mail sent.";

	/** The answer to a registration without verification when token authentication is off. */
	public static final String ACCOUNT_CREATED = "Account created.";

	private final AccountFlowService flows;

	private final @Nullable RegistrationLogin login;

	private final ClientInfoResolver clientInfoResolver;

	private final RateLimits rateLimits;

	/**
	 * Creates the controller.
	 * @param flows the account flows
	 * @param login logs a new account in when no verification is needed; {@code null} when token
	 * authentication is off, then such a registration answers without tokens
	 * @param clientInfoResolver the client's address and agent
	 * @param rateLimits the registration and resend budgets
	 */
	public RegistrationController(AccountFlowService flows, @Nullable RegistrationLogin login,
			ClientInfoResolver clientInfoResolver, RateLimits rateLimits) {
		Assert.notNull(flows, "flows cannot be null");
		Assert.notNull(clientInfoResolver, "clientInfoResolver cannot be null");
		this.flows = flows;
		this.login = login;
		Assert.notNull(rateLimits, "rateLimits cannot be null");
		this.rateLimits = rateLimits;
		this.clientInfoResolver = clientInfoResolver;
	}

	@PostMapping(path = "/registration", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemAnswers(429)
	public RegistrationAnswer register(@Valid @RequestBody AccountRequests.Registration body, Locale locale,
			HttpServletRequest request) {
		String password = password(body);
		ClientInfo client = this.clientInfoResolver.resolve(request);
		// Before the password hash and the mail job; taken and new addresses spend alike.
		this.rateLimits.spendForIp(RateLimitScopes.REGISTRATION_PER_IP, client.ipAddress());
		this.rateLimits.spendForAddress(RateLimitScopes.REGISTRATION_PER_ADDRESS, body.email());
		Optional<User> user = this.flows.register(body.email(), password, orEmpty(body.firstName()),
				orEmpty(body.lastName()), locale, client);
		if (this.flows.getSettings().emailVerification() == EmailVerificationMode.NONE && user.isPresent()) {
			if (this.login == null) {
				return new RegistrationAnswer.Registered(ACCOUNT_CREATED);
			}
			// A record whose toString hides the tokens: answers are logged by Spring MVC at DEBUG and TRACE.
			return this.login.logIn(user.get().getId(), client);
		}
		return new RegistrationAnswer.Registered(VERIFICATION_SENT);
	}

	@PostMapping(path = "/registration/verify-email", consumes = "application/json")
	public Detail verifyEmail(@Valid @RequestBody AccountRequests.VerifyEmail body, Locale locale,
			HttpServletRequest request) {
		if (!this.flows.verifyEmail(body.key(), locale, this.clientInfoResolver.resolve(request))) {
			throw InvalidInputException.forField("key", "Invalid value: the key is unknown, used or expired.");
		}
		return new Detail("ok");
	}

	@PostMapping(path = "/registration/resend-email", consumes = "application/json")
	@ProblemAnswers(429)
	public Detail resend(@Valid @RequestBody AccountRequests.EmailOnly body, Locale locale,
			HttpServletRequest request) {
		this.rateLimits.spendForIp(RateLimitScopes.RESEND_EMAIL_PER_IP,
				this.clientInfoResolver.resolve(request).ipAddress());
		this.rateLimits.spendForAddress(RateLimitScopes.RESEND_EMAIL_PER_ADDRESS, body.email());
		this.flows.resendVerification(body.email(), locale);
		return new Detail("ok");
	}

	private static String password(AccountRequests.Registration body) {
		if (StringUtils.hasLength(body.password1()) || StringUtils.hasLength(body.password2())) {
			if (!StringUtils.hasLength(body.password1())) {
				throw InvalidInputException.forField("password1", "This field is required.");
			}
			if (body.password2() == null || !NormalizingPasswordEncoder.normalize(body.password1())
				.equals(NormalizingPasswordEncoder.normalize(body.password2()))) {
				throw InvalidInputException.forField("password2", "The two password fields didn't match.");
			}
			return body.password1();
		}
		if (!StringUtils.hasLength(body.password())) {
			throw InvalidInputException.forField("password1", "This field is required.");
		}
		return body.password();
	}

	private static String orEmpty(String value) {
		return (value != null) ? value.strip() : "";
	}

}
