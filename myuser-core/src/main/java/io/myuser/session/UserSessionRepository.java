package io.myuser.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Stored sessions.
 */
public interface UserSessionRepository extends JpaRepository<UserSession, UUID> {

	@Query("select s from UserSession s where s.userId = :userId and s.revokedAt is null and s.expiresAt > :now "
			+ "order by s.createdAt desc")
	List<UserSession> findLiveByUserId(@Param("userId") UUID userId, @Param("now") Instant now);

	Optional<UserSession> findByIdAndUserId(UUID id, UUID userId);

	List<UserSession> findByUserIdOrderByCreatedAtDesc(UUID userId);

}
