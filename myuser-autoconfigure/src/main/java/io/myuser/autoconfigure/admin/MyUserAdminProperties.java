package io.myuser.autoconfigure.admin;

import java.util.ArrayList;
import java.util.List;

import io.myuser.token.AccountAccessTokenContents;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Staff account properties, checked when they are bound.
 */
@ConfigurationProperties("myuser.admin")
@Validated
public class MyUserAdminProperties {

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
