package io.myuser.token;

import io.myuser.support.web.CleanText;
import io.myuser.support.web.StrictBooleanDeserializer;
import io.myuser.support.web.StrictStringDeserializer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Bodies of the token endpoints other than login.
 */
public final class TokenRequests {

	/** Longest token accepted in a body. */
	public static final int TOKEN_MAX_LENGTH = 8192;

	private TokenRequests() {
	}

	/**
	 * Body of {@code token/refresh/}.
	 *
	 * @param refresh the refresh token
	 */
	public record Refresh(@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @NotBlank @Size(max = TOKEN_MAX_LENGTH) @CleanText String refresh) {
	}

	/**
	 * Body of {@code token/verify/}.
	 *
	 * @param token an access or refresh token
	 */
	public record Verify(@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @NotBlank @Size(max = TOKEN_MAX_LENGTH) @CleanText String token) {
	}

	/**
	 * Body of {@code logout/}, all fields optional.
	 *
	 * @param refresh a refresh token of the caller to end with the current session
	 * @param all whether to end every session of the caller
	 */
	public record Logout(
			@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = TOKEN_MAX_LENGTH) @CleanText String refresh,
			@JsonDeserialize(using = StrictBooleanDeserializer.class) @Nullable Boolean all) {
	}

}
