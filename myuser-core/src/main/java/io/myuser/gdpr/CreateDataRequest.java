package io.myuser.gdpr;

import com.fasterxml.jackson.annotation.JsonProperty;
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
 */
public record CreateDataRequest(
		@JsonProperty("request_type") @JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @NotBlank @Size(max = 16) @CleanText String requestType,
		@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = DataRequest.NOTES_MAX_LENGTH) @CleanText(multiline = true) String notes) {
}
