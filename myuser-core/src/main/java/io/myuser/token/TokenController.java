package io.myuser.token;

import io.myuser.support.ClientInfoResolver;
import io.myuser.support.web.InvalidRequestException;
import io.myuser.support.web.MyUserApi;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST token/}: password login.
 */
@MyUserApi
@RestController
public class TokenController {

	private final PasswordLoginService loginService;

	private final ClientInfoResolver clientInfoResolver;

	public TokenController(PasswordLoginService loginService, ClientInfoResolver clientInfoResolver) {
		Assert.notNull(loginService, "loginService cannot be null");
		Assert.notNull(clientInfoResolver, "clientInfoResolver cannot be null");
		this.loginService = loginService;
		this.clientInfoResolver = clientInfoResolver;
	}

	@PostMapping(path = "/token", consumes = "application/json")
	public TokenResponse obtainToken(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
		String email = StringUtils.hasText(body.email()) ? body.email() : body.username();
		if (!StringUtils.hasText(email)) {
			throw InvalidRequestException.forField("email", "Give the username or the email.");
		}
		TokenPair pair = this.loginService.login(email, body.password(), this.clientInfoResolver.resolve(request));
		return new TokenResponse(pair.access(), pair.refresh());
	}

}
