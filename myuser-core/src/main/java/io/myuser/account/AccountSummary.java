package io.myuser.account;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An account as an administrator sees it: who holds it and what state it is in, read as a projection that loads
 * no entity. Holds no secret (no password hash, no token).
 *
 * @param id the account
 * @param email its address as entered (normalised)
 * @param firstName the first name, possibly empty
 * @param lastName the last name, possibly empty
 * @param emailVerified whether the address is verified
 * @param active whether the account may log in
 * @param staff whether the account is staff
 * @param hasPassword whether the account has a password (else it logs in through social providers only)
 * @param dateJoined when the account was created
 * @param lastLogin when it last logged in, or {@code null}
 */
public record AccountSummary(UUID id, String email, @JsonProperty("first_name") String firstName,
		@JsonProperty("last_name") String lastName, @JsonProperty("email_verified") boolean emailVerified,
		@JsonProperty("is_active") boolean active, @JsonProperty("is_staff") boolean staff,
		@JsonProperty("has_password") boolean hasPassword, @JsonProperty("date_joined") Instant dateJoined,
		@JsonProperty("last_login") @Nullable Instant lastLogin) {

}
