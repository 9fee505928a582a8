package io.myuser.token;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The two kinds of JWT MyUser issues. Each is typed twice: by the {@code token_type} claim and by the JOSE header
 * {@code typ} (explicit typing, RFC 8725 section 3.11), so that a token of one kind never passes where the other
 * is expected, even with a verifier that reads only one of the two.
 */
public enum TokenType {

	/** Sent with every request as a bearer token; short-lived. Header {@code typ: at+jwt} (RFC 9068). */
	ACCESS("access", "at+jwt"),
	/**
	 * Exchanged for new tokens at {@code token/refresh/}; long-lived, stored hashed. Header {@code typ: rt+jwt}, a
	 * type of MyUser's own (no standard names one), so that a resource server requiring {@code at+jwt} refuses it.
	 */
	REFRESH("refresh", "rt+jwt");

	private static final String MEDIA_TYPE_PREFIX = "application/";

	private final String claimValue;

	private final String headerType;

	TokenType(String claimValue, String headerType) {
		this.claimValue = claimValue;
		this.headerType = headerType;
	}

	/**
	 * Return the value of the {@code token_type} claim.
	 * @return the claim value
	 */
	public String claimValue() {
		return this.claimValue;
	}

	/**
	 * Return the value of the JOSE header {@code typ} written into tokens of this type.
	 * @return {@code at+jwt} or {@code rt+jwt}
	 */
	public String headerType() {
		return this.headerType;
	}

	/**
	 * Whether a header {@code typ} names this type: the short form ({@code at+jwt}) or the full media type
	 * ({@code application/at+jwt}), ignoring case as media types do (RFC 7515 section 4.1.9, RFC 9068 section 4).
	 * A missing {@code typ}, {@code JWT} and the other type's value do not.
	 * @param typ the header value, or {@code null} if absent
	 * @return whether it names this type
	 */
	public boolean matchesHeaderType(@Nullable String typ) {
		if (typ == null) {
			return false;
		}
		String value = typ.toLowerCase(Locale.ROOT);
		if (value.startsWith(MEDIA_TYPE_PREFIX)) {
			value = value.substring(MEDIA_TYPE_PREFIX.length());
		}
		return value.equals(this.headerType);
	}

}
