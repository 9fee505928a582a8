package io.myuser.social.redirect;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.myuser.ratelimit.RateLimitScopes;
import io.myuser.ratelimit.RateLimits;
import io.myuser.social.SocialLoginResponse;
import io.myuser.support.ClientInfo;
import io.myuser.support.ClientInfoResolver;
import io.myuser.support.web.CleanText;
import io.myuser.support.web.MyUserApi;
import io.myuser.support.web.ProblemAnswers;
import io.myuser.support.web.StrictStringDeserializer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code social/{provider}/authorize}, {@code social/{provider}/callback} and {@code social/exchange/}: the
 * redirect flow. Answers are never cached.
 */
@MyUserApi
@RestController
public class SocialRedirectController {

	private final SocialRedirectFlow flow;

	private final ClientInfoResolver clientInfoResolver;

	private final RateLimits rateLimits;

	public SocialRedirectController(SocialRedirectFlow flow, ClientInfoResolver clientInfoResolver,
			RateLimits rateLimits) {
		Assert.notNull(flow, "flow cannot be null");
		Assert.notNull(clientInfoResolver, "clientInfoResolver cannot be null");
		Assert.notNull(rateLimits, "rateLimits cannot be null");
		this.flow = flow;
		this.clientInfoResolver = clientInfoResolver;
		this.rateLimits = rateLimits;
	}

	@GetMapping("/social/{provider}/authorize")
	@ResponseStatus(HttpStatus.FOUND)
	@ProblemAnswers(429)
	public ResponseEntity<Void> authorize(@PathVariable String provider,
			@RequestParam(name = "redirect_to", required = false) @Nullable String redirectTo,
			@RequestParam(name = "code_challenge", required = false) @Nullable String codeChallenge,
			HttpServletRequest request) {
		ClientInfo client = this.clientInfoResolver.resolve(request);
		this.rateLimits.spendForIp(RateLimitScopes.SOCIAL_PER_IP, client.ipAddress());
		String target = (redirectTo != null) ? redirectTo : "";
		return ResponseEntity.status(302)
			.location(this.flow.authorize(provider, target, codeChallenge))
			.cacheControl(CacheControl.noStore())
			.build();
	}

	@GetMapping("/social/{provider}/callback")
	@ResponseStatus(HttpStatus.FOUND)
	public ResponseEntity<Void> callback(@PathVariable String provider,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String error, Locale locale, HttpServletRequest request) {
		ClientInfo client = this.clientInfoResolver.resolve(request);
		return ResponseEntity.status(302)
			.location(this.flow.callback(provider, state, code, error, locale, client))
			.cacheControl(CacheControl.noStore())
			.header("Referrer-Policy", "no-referrer")
			.build();
	}

	@PostMapping(path = "/social/exchange", consumes = "application/json")
	public ResponseEntity<SocialLoginResponse> exchange(@Valid @RequestBody Exchange body) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(SocialLoginResponse.of(this.flow.exchange(body.code(), body.codeVerifier())));
	}

	/**
	 * Body of {@code POST social/exchange/}.
	 *
	 * @param code the one-time code the callback gave the app
	 * @param codeVerifier the verifier of the app's {@code code_challenge}, if it sent one
	 */
	public record Exchange(
			@JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @NotBlank @Size(max = 128) @CleanText String code,
			@JsonProperty("code_verifier") @JsonDeserialize(using = StrictStringDeserializer.class) @Nullable @Size(max = 128) @CleanText String codeVerifier) {

		@Override
		public String toString() {
			return "Exchange[…]";
		}

	}

}
