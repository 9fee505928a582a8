package io.myuser.token;

/**
 * Signs and verifies MyUser JWTs. A replaceable strategy; the default {@link JjwtTokenCodec} uses jjwt. Parsing
 * never trusts the token's own choice of algorithm.
 */
public interface TokenCodec {

	/**
	 * Sign claims into a compact JWT.
	 * @param claims the claims
	 * @return the compact token
	 */
	String encode(TokenClaims claims);

	/**
	 * Verify a compact JWT and read its claims.
	 * @param token the compact token
	 * @param expectedType the type the caller accepts
	 * @return the claims
	 * @throws InvalidTokenException if the token is malformed, forged, expired, of another type, or has a wrong
	 * issuer or audience
	 */
	TokenClaims decode(String token, TokenType expectedType);

}
