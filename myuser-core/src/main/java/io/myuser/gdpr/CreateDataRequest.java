package io.myuser.gdpr;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.myuser.account.AccountRequests;
import io.myuser.support.web.CleanText;
import io.myuser.support.web.StrictStringDeserializer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Body of {@code POST data-requests/}.
 *
 * @param requestType {@code EXPORT} or {@code DELETE}
 * @param notes optional notes of the user, kept with the request
 * @param password the current password, required for {@code DELETE} when the account has one; its format is
 * checked for every type, and it is ignored for {@code EXPORT}. Never kept, logged or shown.
 */
public record CreateDataRequest(
		@JsonProperty("request_type") @JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @NotBlank @Size(max = 16) @CleanText String requestType,
		@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = DataRequest.NOTES_MAX_LENGTH) @CleanText(multiline = true) String notes,
		@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = AccountRequests.PASSWORD_MAX_LENGTH) @CleanText String password) {

	@Override
	public String toString() {
		return "CreateDataRequest[requestType=" + this.requestType + ", notes=" + ((this.notes != null) ? "<"
				+ this.notes.length() + " characters>" : null) + ", password=" + ((this.password != null) ? "<hidden>"
						: null) + "]";
	}

}
