package io.myuser.social.redirect;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.myuser.support.SecretTokens;
import io.myuser.support.TimeOrderedUuids;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.Assert;

/**
 * The rows of {@code myuser_social_flow}. Each is written once and used up once, by one conditional update, so
 * that of two requests with the same state or code exactly one goes on, on any node.
 */
public class SocialFlowStore {

	/** Name of the recurring MyUser job that deletes expired flow rows. */
	public static final String CLEANUP_JOB_NAME = "myuser-social-flow-cleanup";

	/** A state, made by authorize and used up by the callback. */
	static final String STATE = "STATE";

	/** An exchange code, made by the callback and used up by the exchange. */
	static final String EXCHANGE = "EXCHANGE";

	private final JdbcTemplate jdbc;

	public SocialFlowStore(DataSource dataSource) {
		Assert.notNull(dataSource, "dataSource cannot be null");
		this.jdbc = new JdbcTemplate(dataSource);
	}

	void save(String kind, String secret, String provider, String redirectTo, String sealed,
			@Nullable String clientChallenge, Instant now, Instant expiresAt) {
		this.jdbc.update("insert into myuser_social_flow (id, kind, secret_hash, provider, redirect_to, sealed, "
				+ "client_challenge, expires_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", TimeOrderedUuids.next(),
				kind, SecretTokens.hash(secret), provider, redirectTo, sealed, clientChallenge, stored(expiresAt),
				stored(now));
	}

	/**
	 * Use up a row: of any number of callers with the same secret, one gets the row, once, before it expires.
	 */
	Optional<Flow> consume(String kind, String secret, Instant now) {
		String hash = SecretTokens.hash(secret);
		int used = this.jdbc.update("update myuser_social_flow set used_at = ? where secret_hash = ? and kind = ? "
				+ "and used_at is null and expires_at > ?", stored(now), hash, kind, stored(now));
		if (used != 1) {
			return Optional.empty();
		}
		List<Flow> rows = this.jdbc.query("select provider, redirect_to, sealed, client_challenge from "
				+ "myuser_social_flow where secret_hash = ?", (rs, i) -> new Flow(rs.getString(1), rs.getString(2),
						rs.getString(3), rs.getString(4)), hash);
		return rows.stream().findFirst();
	}

	/**
	 * Delete the rows that expired.
	 * @param now the time
	 * @return how many were deleted
	 */
	public int deleteExpired(Instant now) {
		return this.jdbc.update("delete from myuser_social_flow where expires_at < ?", stored(now));
	}

	private static Timestamp stored(Instant instant) {
		return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
	}

	record Flow(String provider, String redirectTo, String sealed, @Nullable String clientChallenge) {

	}

}
