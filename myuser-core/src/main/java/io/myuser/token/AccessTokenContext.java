package io.myuser.token;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * What an {@link AccessTokenCustomizer} sees and shapes: the account and the session an access token is issued
 * for, and the authorities and extra claims it will carry. One context serves one token.
 */
public final class AccessTokenContext {

	private final Account account;

	private final Session session;

	private final Set<String> authorities = new LinkedHashSet<>();

	private final Map<String, Object> claims = new LinkedHashMap<>();

	/**
	 * Create a context with no authorities and no extra claims yet.
	 * @param account the account the token is for
	 * @param session the session the token belongs to
	 */
	public AccessTokenContext(Account account, Session session) {
		Assert.notNull(account, "account cannot be null");
		Assert.notNull(session, "session cannot be null");
		this.account = account;
		this.session = session;
	}

	/**
	 * Return the account the token is for, as it is now.
	 * @return the account
	 */
	public Account account() {
		return this.account;
	}

	/**
	 * Return the session the token belongs to.
	 * @return the session
	 */
	public Session session() {
		return this.session;
	}

	/**
	 * Grant an authority to every request the token authenticates. Adding one twice keeps one.
	 * @param authority the authority, for example {@code ROLE_SUPPORT} or {@code reports:read}
	 * @return this context
	 * @throws IllegalArgumentException if the authority is empty
	 */
	public AccessTokenContext addAuthority(String authority) {
		Assert.isTrue(StringUtils.hasText(authority), "authority cannot be empty");
		this.authorities.add(authority);
		return this;
	}

	/**
	 * Write an extra claim into the token, replacing one of the same name added before.
	 * @param name the claim name
	 * @param value its value: anything the JSON mapper writes (strings, numbers, booleans, lists, maps)
	 * @return this context
	 * @throws IllegalArgumentException if the name is empty or one of MyUser's own claims
	 * ({@link TokenClaims#REGISTERED_CLAIMS}), or the value is {@code null}
	 */
	public AccessTokenContext claim(String name, Object value) {
		Assert.isTrue(StringUtils.hasText(name), "claim name cannot be empty");
		Assert.isTrue(!TokenClaims.REGISTERED_CLAIMS.contains(name),
				() -> "Claim '" + name + "' is MyUser's own and cannot be set by a customizer; MyUser's claims are "
						+ String.join(", ", TokenClaims.REGISTERED_CLAIMS.stream().sorted().toList()));
		Assert.isTrue(value != null, () -> "Claim '" + name + "' cannot be null");
		this.claims.put(name, value);
		return this;
	}

	/**
	 * Return the authorities granted so far, in the order they were added.
	 * @return the authorities, unmodifiable
	 */
	public List<String> authorities() {
		return List.copyOf(this.authorities);
	}

	/**
	 * Return the extra claims added so far.
	 * @return the claims, unmodifiable
	 */
	public Map<String, Object> claims() {
		return Collections.unmodifiableMap(this.claims);
	}

	/**
	 * What a customizer knows of the account: a read-only view taken when the token is issued.
	 *
	 * @param id the account's id
	 * @param email its address, as stored
	 * @param staff whether it is staff
	 * @param emailVerified whether its address is verified
	 */
	public record Account(UUID id, String email, boolean staff, boolean emailVerified) {

		public Account {
			Assert.notNull(id, "id cannot be null");
			Assert.notNull(email, "email cannot be null");
		}

	}

	/**
	 * What a customizer knows of the session.
	 *
	 * @param id the session's id (the token's {@code sid})
	 * @param loginMethod how it began: {@code password}, {@code registration} or a social provider's id
	 */
	public record Session(UUID id, String loginMethod) {

		public Session {
			Assert.notNull(id, "id cannot be null");
			Assert.notNull(loginMethod, "loginMethod cannot be null");
		}

	}

}
