package io.myuser.social.provider;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Who a caller proved to be at a provider, after every check passed: the provider's stable user id and what it
 * says about the person. Never the provider's raw answer.
 *
 * @param provider the registration id ({@code google}, {@code github}, …)
 * @param uid the provider's stable, never reused user id (Google's {@code sub}, GitHub's numeric {@code id})
 * @param email the address the provider gives, if any
 * @param emailVerified whether the provider asserts that the address belongs to the person
 * @param firstName the first name, empty when unknown
 * @param lastName the last name, empty when unknown
 * @param avatarUrl a picture, if any
 * @param profileUrl a public profile page, if any
 */
public record SocialIdentity(String provider, String uid, @Nullable String email, boolean emailVerified,
		String firstName, String lastName, @Nullable String avatarUrl, @Nullable String profileUrl) {

	public SocialIdentity {
		Assert.hasText(provider, "provider cannot be empty");
		Assert.hasText(uid, "uid cannot be empty");
		email = (email != null && !email.isBlank()) ? email.strip() : null;
		emailVerified = emailVerified && email != null;
		firstName = (firstName != null) ? firstName.strip() : "";
		lastName = (lastName != null) ? lastName.strip() : "";
	}

}
