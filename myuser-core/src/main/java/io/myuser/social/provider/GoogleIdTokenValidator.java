package io.myuser.social.provider;

import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.Assert;

/**
 * Google's rules for an id_token, beyond its signature and times: issued by Google (both forms of its issuer), for
 * this client ({@code aud} contains the client id), and, when it names several audiences, authorized for this
 * client ({@code azp}). A token whose only audience is this client but whose {@code azp} is another client of the
 * same project (an Android or iOS app asking for a token for its backend) is accepted, if that client is listed
 * when a list is configured.
 */
final class GoogleIdTokenValidator implements OAuth2TokenValidator<Jwt> {

	private static final Set<String> ISSUERS = Set.of("https://accounts.google.com", "accounts.google.com");

	private final String clientId;

	private final List<String> authorizedParties;

	GoogleIdTokenValidator(String clientId, List<String> authorizedParties) {
		Assert.hasText(clientId, "clientId cannot be empty");
		this.clientId = clientId;
		this.authorizedParties = List.copyOf(authorizedParties);
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		String issuer = token.getClaimAsString("iss");
		if (issuer == null || !ISSUERS.contains(issuer)) {
			return failure("The id_token was not issued by Google.");
		}
		List<String> audience = token.getAudience();
		if (audience == null || !audience.contains(this.clientId)) {
			return failure("The id_token was not issued for this client.");
		}
		String authorizedParty = token.getClaimAsString("azp");
		if (audience.size() > 1 && !this.clientId.equals(authorizedParty)) {
			return failure("The id_token has several audiences and is not authorized for this client.");
		}
		if (authorizedParty != null && !this.clientId.equals(authorizedParty) && !this.authorizedParties.isEmpty()
				&& !this.authorizedParties.contains(authorizedParty)) {
			return failure("The id_token was requested by a client that is not allowed.");
		}
		if (token.getIssuedAt() == null) {
			return failure("The id_token has no issue time.");
		}
		if (token.getSubject() == null || token.getSubject().isBlank()) {
			return failure("The id_token has no subject.");
		}
		return OAuth2TokenValidatorResult.success();
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_id_token", description, null));
	}

}
