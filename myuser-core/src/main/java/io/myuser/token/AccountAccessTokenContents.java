package io.myuser.token;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.myuser.account.UserAccountService;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The default {@link AccessTokenContents}: reads the account as it is now (in the issuing transaction, so a
 * refresh sees the staff flag as last committed), grants the admin authority to a staff account, then applies
 * the customizers in order.
 */
public final class AccountAccessTokenContents implements AccessTokenContents {

	/** The authority of a staff account unless configured otherwise. */
	public static final String DEFAULT_ADMIN_AUTHORITY = "ROLE_MYUSER_ADMIN";

	private final UserAccountService accounts;

	private final @Nullable String adminAuthority;

	private final List<AccessTokenCustomizer> customizers;

	/**
	 * Create the default contents.
	 * @param accounts where accounts are read
	 * @param adminAuthority the authority of staff accounts, or {@code null} to grant none
	 * @param customizers applied in this order to every access token
	 */
	public AccountAccessTokenContents(UserAccountService accounts, @Nullable String adminAuthority,
			List<AccessTokenCustomizer> customizers) {
		Assert.notNull(accounts, "accounts cannot be null");
		Assert.isTrue(adminAuthority == null || StringUtils.hasText(adminAuthority),
				"adminAuthority cannot be empty");
		Assert.noNullElements(customizers, "customizers cannot contain null");
		this.accounts = accounts;
		this.adminAuthority = adminAuthority;
		this.customizers = List.copyOf(customizers);
	}

	@Override
	public Optional<AccessTokenContext> resolve(UUID userId, UUID sessionId, String loginMethod) {
		return this.accounts.findById(userId).map((user) -> {
			AccessTokenContext context = new AccessTokenContext(
					new AccessTokenContext.Account(user.getId(), user.getEmail(), user.isStaff(),
							user.isEmailVerified()),
					new AccessTokenContext.Session(sessionId, loginMethod));
			if (user.isStaff() && this.adminAuthority != null) {
				context.addAuthority(this.adminAuthority);
			}
			for (AccessTokenCustomizer customizer : this.customizers) {
				customizer.customize(context);
			}
			return context;
		});
	}

}
