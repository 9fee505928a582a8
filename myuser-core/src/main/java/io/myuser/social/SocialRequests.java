package io.myuser.social;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.myuser.social.provider.SocialCredential;
import io.myuser.support.InvalidInputException;
import io.myuser.support.web.CleanText;
import io.myuser.support.web.StrictStringDeserializer;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The bodies of the social routes.
 */
public final class SocialRequests {

	/** The longest token accepted (provider tokens are far shorter; an id_token with many claims stays under 4 KiB). */
	public static final int TOKEN_MAX_LENGTH = 8192;

	/** The longest code or redirect URI accepted. */
	public static final int CODE_MAX_LENGTH = 2048;

	/** RFC 7636: 43 to 128 unreserved characters. */
	private static final Pattern CODE_VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

	private SocialRequests() {
	}

	/**
	 * Body of {@code POST social/{provider}/} and {@code POST social/{provider}/connect/}: exactly one of
	 * {@code access_token}, {@code code} (with {@code redirect_uri} and, with PKCE, {@code code_verifier}) or
	 * {@code id_token}, each with the {@code nonce} of the authorization request, if one was sent (an id_token, or the
	 * one a code exchange returns, must carry it).
	 *
	 * @param accessToken a provider access token
	 * @param code an authorization code
	 * @param redirectUri the redirect URI the code was issued for
	 * @param codeVerifier the PKCE verifier of the code
	 * @param idToken an OpenID Connect id_token
	 * @param nonce the nonce the id_token must carry
	 */
	public record Credential(
			@JsonProperty("access_token") @JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = TOKEN_MAX_LENGTH) @CleanText String accessToken,
			@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = CODE_MAX_LENGTH) @CleanText String code,
			@JsonProperty("redirect_uri") @JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = CODE_MAX_LENGTH) @CleanText String redirectUri,
			@JsonProperty("code_verifier") @JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = 128) @CleanText String codeVerifier,
			@JsonProperty("id_token") @JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = TOKEN_MAX_LENGTH) @CleanText String idToken,
			@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = 512) @CleanText String nonce) {

		/**
		 * Return the one credential the body holds.
		 * @return the credential
		 * @throws InvalidInputException if it holds none, several, or fields that do not go with the one it holds
		 */
		public SocialCredential toCredential() {
			Map<String, List<String>> errors = new LinkedHashMap<>();
			List<String> given = new ArrayList<>();
			if (present(this.accessToken)) {
				given.add("access_token");
			}
			if (present(this.code)) {
				given.add("code");
			}
			if (present(this.idToken)) {
				given.add("id_token");
			}
			if (given.isEmpty()) {
				errors.put("non_field_errors", List.of("Give exactly one of access_token, code or id_token."));
			}
			else if (given.size() > 1) {
				for (String field : given) {
					errors.put(field, List.of("Give exactly one of access_token, code or id_token."));
				}
			}
			boolean isCode = given.size() == 1 && given.contains("code");
			boolean isIdToken = given.size() == 1 && given.contains("id_token");
			if (isCode && !present(this.redirectUri)) {
				errors.put("redirect_uri", List.of("This field is required with a code."));
			}
			if (!isCode && present(this.redirectUri) && !given.isEmpty()) {
				errors.put("redirect_uri", List.of("Only a code goes with a redirect_uri."));
			}
			if (present(this.codeVerifier)) {
				if (!isCode && !given.isEmpty()) {
					errors.put("code_verifier", List.of("Only a code goes with a code_verifier."));
				}
				else if (!CODE_VERIFIER.matcher(this.codeVerifier).matches()) {
					errors.put("code_verifier", List.of("A code verifier is 43 to 128 letters, digits, '-', '.', '_' or '~'."));
				}
			}
			if (present(this.nonce) && !isIdToken && !isCode && !given.isEmpty()) {
				errors.put("nonce", List.of("Only an id_token or a code goes with a nonce."));
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			if (isCode) {
				return new SocialCredential.AuthorizationCode(this.code, this.redirectUri,
						present(this.codeVerifier) ? this.codeVerifier : null, present(this.nonce) ? this.nonce : null);
			}
			if (isIdToken) {
				return new SocialCredential.IdToken(this.idToken, present(this.nonce) ? this.nonce : null);
			}
			return new SocialCredential.AccessToken(this.accessToken);
		}

		private static boolean present(@Nullable String value) {
			return value != null && !value.isBlank();
		}

		@Override
		public String toString() {
			return "Credential[…]";
		}

	}

}
