package io.myuser.profile;

import io.myuser.security.AuthenticatedUser;
import io.myuser.support.web.MyUserApi;
import io.myuser.support.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code profile/}: the caller's profile.
 */
@MyUserApi
@RestController
public class ProfileController {

	private final ProfileService profiles;

	public ProfileController(ProfileService profiles) {
		Assert.notNull(profiles, "profiles cannot be null");
		this.profiles = profiles;
	}

	@GetMapping("/profile")
	public ProfileView profile(@AuthenticationPrincipal AuthenticatedUser user) {
		return this.profiles.findProfile(user.userId()).orElseThrow(AccountGoneException::new);
	}

	/**
	 * The token is valid but its account was deleted or deactivated since it was issued.
	 */
	static final class AccountGoneException extends ProblemException {

		AccountGoneException() {
			super(HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid token",
					"The account of this token no longer exists or is inactive.");
			getHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
		}

	}

}
