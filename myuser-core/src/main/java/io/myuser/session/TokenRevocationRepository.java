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

	@Query("select r from TokenRevocation r where r.revokedAt >= :since and r.expiresAt > :now order by r.revokedAt")
	List<TokenRevocation> findRevokedSince(@Param("since") Instant since, @Param("now") Instant now);

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
