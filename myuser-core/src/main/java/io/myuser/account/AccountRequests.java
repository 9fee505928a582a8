package io.myuser.account;

import io.myuser.support.web.CleanText;
import io.myuser.support.web.StrictStringDeserializer;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Bodies of the account endpoints, with dj-rest-auth's field names.
 */
public final class AccountRequests {

	/** Longest password accepted in a body; the password policy decides what is allowed below it. */
	public static final int PASSWORD_MAX_LENGTH = 4096;

	private AccountRequests() {
	}

	/**
	 * Body of {@code registration/}: {@code password1} and {@code password2}, or {@code password} alone.
	 */
	public record Registration(
			@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @NotBlank @Email @Size(max = User.EMAIL_MAX_LENGTH) @CleanText String email,
			@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = PASSWORD_MAX_LENGTH) @CleanText String password,
			@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = PASSWORD_MAX_LENGTH) @CleanText String password1,
			@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = PASSWORD_MAX_LENGTH) @CleanText String password2,
			@JsonProperty("first_name") @JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = User.NAME_MAX_LENGTH) @CleanText String firstName,
			@JsonProperty("last_name") @JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = User.NAME_MAX_LENGTH) @CleanText String lastName) {
	}

	/**
	 * Body of {@code registration/verify-email/}.
	 */
	public record VerifyEmail(
			@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @NotBlank @Size(max = 256) @CleanText String key) {
	}

	/**
	 * Body of {@code registration/resend-email/} and {@code password/reset/}.
	 */
	public record EmailOnly(
			@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @NotBlank @Email @Size(max = User.EMAIL_MAX_LENGTH) @CleanText String email) {
	}

	/**
	 * Body of {@code password/reset/confirm/}; {@code uid} is accepted and ignored (the token says whose it is).
	 */
	public record ResetConfirm(
			@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @NotBlank @Size(max = 256) @CleanText String token,
			@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = 256) @CleanText String uid,
			@JsonProperty("new_password1") @JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @NotBlank @Size(max = PASSWORD_MAX_LENGTH) @CleanText String newPassword1,
			@JsonProperty("new_password2") @JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @NotBlank @Size(max = PASSWORD_MAX_LENGTH) @CleanText String newPassword2) {
	}

	/**
	 * Body of {@code password/change/}.
	 */
	public record Change(
			@JsonProperty("old_password") @JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @NotBlank @Size(max = PASSWORD_MAX_LENGTH) @CleanText String oldPassword,
			@JsonProperty("new_password1") @JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @NotBlank @Size(max = PASSWORD_MAX_LENGTH) @CleanText String newPassword1,
			@JsonProperty("new_password2") @JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @NotBlank @Size(max = PASSWORD_MAX_LENGTH) @CleanText String newPassword2) {
	}

}
