package io.myuser.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored session revocations.
 */
public interface TokenRevocationRepository extends JpaRepository<TokenRevocation, UUID> {

	/**
	 * The revocations written since a time whose access tokens may still be presented, oldest first.
	 * @param since the earliest revocation time
	 * @param now the current time
	 * @return the revocations
	 */
	default List<TokenRevocation> findRevokedSince(Instant since, Instant now) {
		return findByRevokedAtGreaterThanEqualAndExpiresAtAfterOrderByRevokedAtAsc(since, now);
	}

	/**
	 * The query of {@link #findRevokedSince}, derived from its name rather than written as a {@code @Query}: it runs
	 * at every startup, before the application serves anything, and a derived query needs no parse of a query
	 * string by Spring Data.
	 * @param since the earliest revocation time
	 * @param now the current time
	 * @return the revocations
	 */
	List<TokenRevocation> findByRevokedAtGreaterThanEqualAndExpiresAtAfterOrderByRevokedAtAsc(Instant since,
			Instant now);

	/**
	 * Delete the revocation records whose session's access tokens have all expired, soft-deleted ones included.
	 * @param now the current time
	 * @return how many were deleted
	 */
	@Transactional
	@Modifying
	@Query(value = "delete from myuser_token_revocation where expires_at <= :now", nativeQuery = true)
	int deleteExpiredIncludingDeleted(@Param("now") Instant now);

}
