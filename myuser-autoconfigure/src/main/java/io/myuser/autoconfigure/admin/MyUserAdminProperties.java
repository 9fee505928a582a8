package io.myuser.autoconfigure.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.myuser.token.AccountAccessTokenContents;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Staff accounts and the administration API ({@code admin/}), checked when they are bound.
 */
@ConfigurationProperties("myuser.admin")
@Validated
public class MyUserAdminProperties {

	/**
	 * Whether the administration API under admin/ is served (to callers with the admin authority whose account
	 * is active staff).
	 */
	private boolean enabled = true;

	/**
	 * Least time between two verification emails an administrator sends to one account.
	 */
	@NotNull
	private Duration verificationEmailInterval = Duration.ofMinutes(1);

	/**
	 * Number of accounts on a page of the account search when the caller names no size.
	 */
	@Min(1)
	private int pageSize = 20;

	/**
	 * Largest page size a caller of the account search may ask for.
	 */
	@Min(1)
	@Max(1000)
	private int maxPageSize = 100;

	/**
	 * Authority that the access tokens of staff accounts carry, beside ROLE_USER. A request authenticated by such a
	 * token has it as a GrantedAuthority.
	 */
	@NotNull
	@Pattern(regexp = "\\S+", message = "must not be blank or contain whitespace")
	private String authority = AccountAccessTokenContents.DEFAULT_ADMIN_AUTHORITY;

	/**
	 * Addresses whose accounts become staff once the address is verified: at startup for accounts verified
	 * already, and when an address is verified later. Compared case-insensitively.
	 */
	@NotNull
	private List<@NotBlank(message = "must not be blank") String> staffEmails = new ArrayList<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getVerificationEmailInterval() {
		return this.verificationEmailInterval;
	}

	public void setVerificationEmailInterval(Duration verificationEmailInterval) {
		this.verificationEmailInterval = verificationEmailInterval;
	}

	public int getPageSize() {
		return this.pageSize;
	}

	public void setPageSize(int pageSize) {
		this.pageSize = pageSize;
	}

	public int getMaxPageSize() {
		return this.maxPageSize;
	}

	public void setMaxPageSize(int maxPageSize) {
		this.maxPageSize = maxPageSize;
	}

	/**
	 * Check that the default page size is one a caller may ask for.
	 * @return whether it is
	 */
	@AssertTrue(message = "page-size must not be larger than max-page-size")
	public boolean isPageSizeWithinMax() {
		return this.pageSize <= this.maxPageSize;
	}

	/**
	 * Check that the interval between verification emails is not negative.
	 * @return whether it is not
	 */
	@AssertTrue(message = "verification-email-interval must not be negative")
	public boolean isVerificationEmailIntervalNotNegative() {
		return this.verificationEmailInterval == null || !this.verificationEmailInterval.isNegative();
	}

	public String getAuthority() {
		return this.authority;
	}

	public void setAuthority(String authority) {
		this.authority = authority;
	}

	public List<String> getStaffEmails() {
		return this.staffEmails;
	}

	public void setStaffEmails(List<String> staffEmails) {
		this.staffEmails = staffEmails;
	}

}
