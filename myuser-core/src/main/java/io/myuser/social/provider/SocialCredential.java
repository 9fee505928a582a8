package io.myuser.social.provider;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What a caller sends to prove who they are at a provider: exactly one of an access token, an authorization code
 * (with the redirect URI it was issued for and the PKCE verifier, if any) or an OpenID Connect id_token.
 */
public sealed interface SocialCredential {

	/**
	 * A provider access token, obtained by the client (a mobile SDK, a JavaScript SDK).
	 *
	 * @param token the token
	 */
	record AccessToken(String token) implements SocialCredential {

		public AccessToken {
			Assert.hasText(token, "token cannot be empty");
		}

		@Override
		public String toString() {
			return "AccessToken[…]";
		}

	}

	/**
	 * An authorization code, exchanged by MyUser at the provider's token endpoint.
	 *
	 * @param code the code
	 * @param redirectUri the redirect URI the code was issued for (one of the allowed ones)
	 * @param codeVerifier the PKCE verifier, when the client used PKCE
	 * @param nonce the nonce of the authorization request, which the id_token the exchange returns must carry
	 */
	record AuthorizationCode(String code, String redirectUri, @Nullable String codeVerifier, @Nullable String nonce)
			implements SocialCredential {

		public AuthorizationCode {
			Assert.hasText(code, "code cannot be empty");
			Assert.hasText(redirectUri, "redirectUri cannot be empty");
		}

		@Override
		public String toString() {
			return "AuthorizationCode[" + this.redirectUri + "]";
		}

	}

	/**
	 * An OpenID Connect id_token.
	 *
	 * @param token the signed token
	 * @param nonce the nonce the client sent in its authorization request, which the token must carry
	 */
	record IdToken(String token, @Nullable String nonce) implements SocialCredential {

		public IdToken {
			Assert.hasText(token, "token cannot be empty");
		}

		@Override
		public String toString() {
			return "IdToken[…]";
		}

	}

}
