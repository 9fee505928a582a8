package io.myuser.social.provider;

import java.util.List;
import java.util.Map;

import io.myuser.support.InvalidInputException;

/**
 * The caller sent a kind of credential the provider does not take, or a redirect URI that is not allowed: a 400
 * naming the field.
 */
public class UnsupportedCredentialException extends InvalidInputException {

	private UnsupportedCredentialException(String field, String message) {
		super(Map.of(field, List.of(message)));
	}

	static UnsupportedCredentialException redirectUri() {
		return new UnsupportedCredentialException("redirect_uri",
				"This redirect URI is not allowed for this provider.");
	}

	static UnsupportedCredentialException of(SocialProvider provider, SocialCredential credential) {
		String field = (credential instanceof SocialCredential.AccessToken) ? "access_token"
				: (credential instanceof SocialCredential.IdToken) ? "id_token" : "code";
		return new UnsupportedCredentialException(field, "This provider does not accept a " + field + ".");
	}

}
