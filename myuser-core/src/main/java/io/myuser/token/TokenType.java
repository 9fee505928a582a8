package io.myuser.token;

/**
 * The two kinds of JWT MyUser issues, told apart by the {@code token_type} claim.
 */
public enum TokenType {

	/** Sent with every request as a bearer token; short-lived. */
	ACCESS("access"),
	/** Exchanged for new tokens at {@code token/refresh/}; long-lived, stored hashed. */
	REFRESH("refresh");

	private final String claimValue;

	TokenType(String claimValue) {
		this.claimValue = claimValue;
	}

	/**
	 * Return the value of the {@code token_type} claim.
	 * @return the claim value
	 */
	public String claimValue() {
		return this.claimValue;
	}

}
