package io.myuser.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored refresh-token hashes.
 */
public interface RefreshTokenRepository extends JpaRepository<RefreshToken, UUID> {

	Optional<RefreshToken> findByTokenHash(String tokenHash);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from RefreshToken t where t.tokenHash = :tokenHash")
	Optional<RefreshToken> findByTokenHashForUpdate(@Param("tokenHash") String tokenHash);

	List<RefreshToken> findBySessionId(UUID sessionId);

	List<RefreshToken> findByUserId(UUID userId);

	/**
	 * Delete refresh tokens past their expiry, soft-deleted ones included. An expired token is refused anyway.
	 * @param now the current time
	 * @return how many were deleted
	 */
	@Transactional
	@Modifying
	@Query(value = "delete from myuser_refresh_token where expires_at <= :now", nativeQuery = true)
	int deleteExpiredIncludingDeleted(@Param("now") Instant now);

	/**
	 * Delete every refresh token of some sessions, soft-deleted ones included.
	 * @param sessionIds the sessions
	 * @return how many were deleted
	 */
	@Transactional
	@Modifying
	@Query(value = "delete from myuser_refresh_token where session_id in (:sessionIds)", nativeQuery = true)
	int deleteBySessionIdsIncludingDeleted(@Param("sessionIds") List<UUID> sessionIds);

}
