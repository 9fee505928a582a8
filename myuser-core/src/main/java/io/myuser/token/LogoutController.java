package io.myuser.token;

import io.myuser.security.AuthenticatedUser;
import io.myuser.session.SessionService;
import io.myuser.support.ClientInfo;
import io.myuser.support.ClientInfoResolver;
import io.myuser.support.RefusedException;
import io.myuser.support.web.MyUserApi;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code logout/}: ends the caller's current session at once (its access and refresh tokens stop working), or
 * every session of the caller with {@code {"all": true}}. A refresh token in the body must be the caller's: its
 * session ends too; another user's token is refused with 400 and changes nothing.
 */
@MyUserApi
@RestController
public class LogoutController {

	private final SessionService sessions;

	private final TokenService tokens;

	private final ClientInfoResolver clientInfoResolver;

	public LogoutController(SessionService sessions, TokenService tokens, ClientInfoResolver clientInfoResolver) {
		Assert.notNull(sessions, "sessions cannot be null");
		Assert.notNull(tokens, "tokens cannot be null");
		Assert.notNull(clientInfoResolver, "clientInfoResolver cannot be null");
		this.sessions = sessions;
		this.tokens = tokens;
		this.clientInfoResolver = clientInfoResolver;
	}

	@PostMapping(path = "/logout", consumes = "application/json")
	@ResponseStatus(HttpStatus.RESET_CONTENT)
	public ResponseEntity<Void> logout(@AuthenticationPrincipal AuthenticatedUser user,
			@Valid @RequestBody(required = false) TokenRequests.@Nullable Logout body, HttpServletRequest request) {
		ClientInfo client = this.clientInfoResolver.resolve(request);
		if (body != null && Boolean.TRUE.equals(body.all())) {
			this.sessions.revokeAllForUser(user.userId(), SessionService.REASON_LOGOUT_ALL, client);
			return ResponseEntity.status(HttpStatus.RESET_CONTENT).build();
		}
		if (body != null && StringUtils.hasText(body.refresh())) {
			TokenClaims claims = readOwnRefreshToken(user, body.refresh());
			if (!claims.sessionId().equals(user.sessionId())) {
				this.sessions.revoke(user.userId(), claims.sessionId(), SessionService.REASON_LOGOUT, client);
			}
		}
		this.sessions.revoke(user.userId(), user.sessionId(), SessionService.REASON_LOGOUT, client);
		return ResponseEntity.status(HttpStatus.RESET_CONTENT).build();
	}

	private TokenClaims readOwnRefreshToken(AuthenticatedUser user, String refresh) {
		TokenClaims claims;
		try {
			claims = this.tokens.readRefreshToken(refresh);
		}
		catch (InvalidTokenException ex) {
			throw new InvalidLogoutTokenException("The refresh token is invalid or expired.");
		}
		if (!claims.userId().equals(user.userId())) {
			throw new InvalidLogoutTokenException("The refresh token does not belong to you.");
		}
		return claims;
	}

	/**
	 * A refresh token in a logout body that is invalid or another user's.
	 */
	static final class InvalidLogoutTokenException extends RefusedException {

		InvalidLogoutTokenException(String detail) {
			super(Reason.INVALID_INPUT, "invalid-refresh-token", "Invalid refresh token", detail);
		}

	}

}
