package io.myuser.token;

import java.util.List;
import java.util.Map;

import io.myuser.support.RefusedException;
import io.myuser.support.web.MyUserApi;
import io.myuser.support.web.ProblemAnswers;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code .well-known/jwks.json}: the public keys that verify MyUser tokens (RS256 or ES256), current key first,
 * then previous keys still valid after a rotation. With HS256 there is nothing to publish: 404.
 */
@MyUserApi
@RestController
public class JwkSetController {

	private final JwtKeys keys;

	public JwkSetController(JwtKeys keys) {
		Assert.notNull(keys, "keys cannot be null");
		this.keys = keys;
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = { "application/jwk-set+json", "application/json" })
	@ProblemAnswers(404)
	public ResponseEntity<JwkSet> jwks() {
		List<Map<String, Object>> jwks = this.keys.publicJwks();
		if (jwks.isEmpty()) {
			throw new RefusedException(RefusedException.Reason.NOT_FOUND, "not-found", "Not Found",
					"Tokens are signed with a shared secret (HS256): there are no public keys to publish.");
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
			.body(new JwkSet(jwks));
	}

	/**
	 * A JWK set (RFC 7517, section 5): the public keys, each a JWK object.
	 *
	 * @param keys the keys, current first
	 */
	public record JwkSet(List<Map<String, Object>> keys) {

	}

}
