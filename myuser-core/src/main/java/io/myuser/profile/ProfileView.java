package io.myuser.profile;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code GET profile/}.
 *
 * @param id the user id
 * @param email the email address
 * @param firstName the first name
 * @param lastName the last name
 * @param emailVerified whether the address is verified
 * @param dateJoined when the account was created
 * @param marketingConsent whether the user accepts marketing
 * @param marketingConsentUpdatedAt when that last changed, or {@code null} if never
 */
public record ProfileView(UUID id, String email, @JsonProperty("first_name") String firstName,
		@JsonProperty("last_name") String lastName, @JsonProperty("email_verified") boolean emailVerified,
		@JsonProperty("date_joined") Instant dateJoined,
		@JsonProperty("marketing_consent") boolean marketingConsent,
		@JsonProperty("marketing_consent_updated_at") @Nullable Instant marketingConsentUpdatedAt) {
}
