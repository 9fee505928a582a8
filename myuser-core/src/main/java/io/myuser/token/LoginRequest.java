package io.myuser.token;

import io.myuser.account.User;
import io.myuser.support.web.CleanText;
import io.myuser.support.web.StrictStringDeserializer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Body of {@code POST token/}: {@code username} or {@code email} (the username is the email address) and the
 * password.
 *
 * @param username the email address, under its django name
 * @param email the email address
 * @param password the password
 */
public record LoginRequest(
		@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = User.EMAIL_MAX_LENGTH) @CleanText String username,
		@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = User.EMAIL_MAX_LENGTH) @CleanText String email,
		@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @NotBlank @Size(max = 1024) @CleanText String password) {
}
