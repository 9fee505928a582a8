package io.myuser.session;

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
 * Stored sessions.
 */
public interface UserSessionRepository extends JpaRepository<UserSession, UUID> {

	@Query("select s from UserSession s where s.userId = :userId and s.revokedAt is null and s.expiresAt > :now "
			+ "and s.lastActivity > :idleSince order by s.createdAt desc")
	List<UserSession> findLiveByUserId(@Param("userId") UUID userId, @Param("now") Instant now,
			@Param("idleSince") Instant idleSince);

	@Query("select s from UserSession s where s.userId = :userId and s.revokedAt is null")
	List<UserSession> findUnrevokedByUserId(@Param("userId") UUID userId);

	Optional<UserSession> findByIdAndUserId(UUID id, UUID userId);

	List<UserSession> findByUserIdOrderByCreatedAtDesc(UUID userId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from UserSession s where s.id = :id")
	Optional<UserSession> findForUpdate(@Param("id") UUID id);

	@Transactional
	@Modifying
	@Query("update UserSession s set s.lastActivity = :now where s.id = :id and s.lastActivity < :threshold")
	int touchIfOlder(@Param("id") UUID id, @Param("now") Instant now, @Param("threshold") Instant threshold);

}
