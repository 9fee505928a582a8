package io.myuser.account;

import java.util.UUID;

import org.springframework.util.Assert;

/**
 * Who holds an account, as the row holds it now: what other features (GDPR, mail) need to know of an account
 * without depending on its entity, and what the anonymous link requests (resend verification, password reset)
 * read as a projection, so that the work for a registered address differs from the work for an unknown one by a
 * few copied columns only.
 *
 * @param id the account
 * @param email its address (normalised)
 * @param firstName the first name, possibly empty
 * @param emailVerified whether the address is verified
 * @param active whether the account is active
 */
public record AccountHolder(UUID id, String email, String firstName, boolean emailVerified, boolean active) {

	public AccountHolder {
		Assert.notNull(id, "id cannot be null");
		Assert.notNull(email, "email cannot be null");
		Assert.notNull(firstName, "firstName cannot be null");
	}

	static AccountHolder of(User user) {
		return new AccountHolder(user.getId(), user.getEmail(), user.getFirstName(), user.isEmailVerified(),
				user.isActive());
	}

}
