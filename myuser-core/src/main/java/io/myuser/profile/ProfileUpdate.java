package io.myuser.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.myuser.account.User;
import io.myuser.support.web.CleanText;
import io.myuser.support.web.LenientBooleanDeserializer;
import io.myuser.support.web.StrictStringDeserializer;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Body of {@code PUT} and {@code PATCH profile/}: every field optional; fields left out keep their value. An explicit
 * {@code null} for {@code marketing_consent} is refused (400 with a field error, see
 * {@link LenientBooleanDeserializer}). Read-only fields of the profile ({@code id}, {@code email},
 * {@code email_verified}, {@code date_joined}) are not part of this body: sent anyway, they are ignored, like any
 * other unknown field.
 *
 * @param marketingConsent whether the user accepts marketing (Django REST Framework's boolean forms accepted)
 * @param firstName the first name
 * @param lastName the last name
 * @param policyVersion the version of the privacy policy the consent was given under, kept with the consent record
 */
public record ProfileUpdate(
		@JsonProperty("marketing_consent") @JsonDeserialize(using = LenientBooleanDeserializer.class) @Nullable Boolean marketingConsent,
		@JsonProperty("first_name") @JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = User.NAME_MAX_LENGTH) @CleanText String firstName,
		@JsonProperty("last_name") @JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = User.NAME_MAX_LENGTH) @CleanText String lastName,
		@JsonProperty("policy_version") @JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = 64) @CleanText String policyVersion) {
}
