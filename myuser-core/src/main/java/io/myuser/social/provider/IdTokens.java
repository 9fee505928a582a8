package io.myuser.social.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.myuser.support.SecretTokens;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Checks id_tokens, whoever obtained them: the signature with a key of the provider's JWK set and one of the
 * provider's accepted algorithms (RS256 unless configured; never a MAC or {@code none}), the issuer, the audience
 * (and Google's authorized party rules), the times, the nonce when one was sent, and that the token was not used
 * before ({@link IdTokenReplayStore}).
 */
public final class IdTokens {

	private static final Logger logger = LoggerFactory.getLogger(IdTokens.class);

	private final ProviderCalls calls;

	private final IdTokenReplayStore replays;

	private final Clock clock;

	private final Duration clockSkew;

	private final Map<String, NimbusJwtDecoder> decoders = new ConcurrentHashMap<>();

	public IdTokens(ProviderCalls calls, IdTokenReplayStore replays, Clock clock, Duration clockSkew) {
		Assert.notNull(calls, "calls cannot be null");
		Assert.notNull(replays, "replays cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		Assert.isTrue(clockSkew != null && !clockSkew.isNegative(), "clockSkew cannot be negative");
		this.calls = calls;
		this.replays = replays;
		this.clock = clock;
		this.clockSkew = clockSkew;
	}

	/**
	 * Check an id_token and use it up.
	 * @param provider the provider that issued it
	 * @param token the token
	 * @param nonce the nonce it must carry, if one was sent
	 * @return its claims
	 * @throws SocialCredentialRejectedException if any check fails or the token was used before
	 * @throws ProviderUnavailableException if the provider's JWK set cannot be fetched
	 */
	public Jwt verify(SocialProvider provider, String token, @Nullable String nonce) {
		Assert.notNull(provider, "provider cannot be null");
		Assert.hasText(token, "token cannot be empty");
		Jwt jwt = decode(provider, token);
		OAuth2TokenValidatorResult result = validator(provider, nonce).validate(jwt);
		if (result.hasErrors()) {
			logger.debug("Social provider '{}': id_token refused: {}", provider.id(),
					result.getErrors().stream().map((error) -> error.getDescription()).toList());
			throw new SocialCredentialRejectedException();
		}
		Instant expiresAt = jwt.getExpiresAt();
		Assert.state(expiresAt != null, "validated id_tokens expire");
		if (!this.replays.markUsed(replayKey(provider, jwt, token), expiresAt.plus(this.clockSkew))) {
			logger.info("Social provider '{}': an id_token was used a second time and refused", provider.id());
			throw new SocialCredentialRejectedException();
		}
		return jwt;
	}

	private Jwt decode(SocialProvider provider, String token) {
		NimbusJwtDecoder decoder = this.decoders.computeIfAbsent(provider.id(), (id) -> decoder(provider));
		try {
			return decoder.decode(token);
		}
		catch (BadJwtException ex) {
			logger.debug("Social provider '{}': id_token not accepted: {}", provider.id(),
					ex.getClass().getSimpleName());
			throw new SocialCredentialRejectedException();
		}
		catch (JwtException ex) {
			// Not a bad token: the provider's key set could not be fetched or read.
			logger.warn("Social provider '{}' failed on jwk-set: {}", provider.id(), ex.getClass().getSimpleName());
			throw new ProviderUnavailableException(provider.id());
		}
	}

	private NimbusJwtDecoder decoder(SocialProvider provider) {
		String jwkSetUri = provider.registration().getProviderDetails().getJwkSetUri();
		Assert.state(StringUtils.hasText(jwkSetUri), () -> "Provider '" + provider.id() + "' has no JWK set URI");
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
			.jwsAlgorithms((algorithms) -> {
				algorithms.clear();
				algorithms.addAll(provider.idTokenAlgorithms());
			})
			.restOperations(this.calls.restTemplate())
			.build();
		// Claims are checked by validator(), per call (the nonce differs).
		decoder.setJwtValidator((jwt) -> OAuth2TokenValidatorResult.success());
		return decoder;
	}

	private OAuth2TokenValidator<Jwt> validator(SocialProvider provider, @Nullable String nonce) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		JwtTimestampValidator times = new JwtTimestampValidator(this.clockSkew);
		times.setClock(this.clock);
		times.setAllowEmptyExpiryClaim(false);
		validators.add(times);
		JwtTypeValidator type = JwtTypeValidator.jwt();
		validators.add(type);
		if (provider.kind() == ProviderKind.GOOGLE) {
			validators.add(new GoogleIdTokenValidator(provider.clientId(), provider.authorizedParties()));
		}
		else {
			OidcIdTokenValidator oidc = new OidcIdTokenValidator(provider.registration());
			oidc.setClock(this.clock);
			oidc.setClockSkew(this.clockSkew);
			validators.add(oidc);
			String issuer = provider.issuer();
			Assert.state(issuer != null, "OpenID Connect providers have an issuer");
			validators.add(new JwtIssuerValidator(issuer));
		}
		if (nonce != null) {
			validators.add(new JwtClaimValidator<Object>("nonce", nonce::equals));
		}
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	private static String replayKey(SocialProvider provider, Jwt jwt, String token) {
		String id = jwt.getId();
		if (StringUtils.hasText(id)) {
			return SecretTokens.hash(provider.id() + "\n" + jwt.getClaimAsString("iss") + "\n" + id);
		}
		return SecretTokens.hash(provider.id() + "\n" + token);
	}

}
