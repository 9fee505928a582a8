package io.myuser.social.provider;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.Assert;

/**
 * The used id_tokens in {@code myuser_social_used_id_token}: one insert per token, whose primary key makes a
 * second use fail on any node. Runs in a transaction of its own (autocommit), outside the login's, so that a
 * refused replay spoils nothing.
 */
public class JdbcIdTokenReplayStore implements IdTokenReplayStore {

	/** Name of the recurring MyUser job that forgets expired used id_tokens. */
	public static final String CLEANUP_JOB_NAME = "myuser-social-id-token-cleanup";

	private final JdbcTemplate jdbc;

	public JdbcIdTokenReplayStore(DataSource dataSource) {
		Assert.notNull(dataSource, "dataSource cannot be null");
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Override
	public boolean markUsed(String tokenHash, Instant expiresAt) {
		Assert.hasText(tokenHash, "tokenHash cannot be empty");
		Assert.notNull(expiresAt, "expiresAt cannot be null");
		try {
			this.jdbc.update("insert into myuser_social_used_id_token (token_hash, expires_at) values (?, ?)",
					tokenHash, Timestamp.from(expiresAt.truncatedTo(ChronoUnit.MICROS)));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public int forgetExpired(Instant now) {
		return this.jdbc.update("delete from myuser_social_used_id_token where expires_at < ?", Timestamp.from(now));
	}

}
