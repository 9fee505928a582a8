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

	/**
	 * Move a session's last activity to now when it is older than a threshold, unless the session has already gone
	 * idle (a request must not bring an idle session back).
	 * @param id the session
	 * @param now the time of the activity
	 * @param threshold write only when the stored last activity is before this
	 * @param idleSince write only when the stored last activity is after this (now minus the idle timeout)
	 * @return how many rows were updated
	 */
	@Transactional
	@Modifying
	@Query("update UserSession s set s.lastActivity = :now where s.id = :id and s.lastActivity < :threshold "
			+ "and s.lastActivity > :idleSince")
	int touchIfOlder(@Param("id") UUID id, @Param("now") Instant now, @Param("threshold") Instant threshold,
			@Param("idleSince") Instant idleSince);

	/**
	 * Ids of sessions that ended before a time, soft-deleted ones included: revoked or past their absolute lifetime
	 * before {@code endedBefore}, or idle since before {@code idleBefore}.
	 * @param endedBefore the latest revocation or expiry time
	 * @param idleBefore the latest last activity (the end time minus the idle timeout)
	 * @param limit how many ids to return at most
	 * @return the ids, as text (a native query returns a UUID column as bytes on H2)
	 */
	@Query(value = "select cast(id as varchar(36)) from myuser_user_session where revoked_at < :endedBefore "
			+ "or expires_at < :endedBefore or last_activity < :idleBefore order by expires_at "
			+ "fetch first :limit rows only", nativeQuery = true)
	List<String> findIdsEndedBeforeIncludingDeleted(@Param("endedBefore") Instant endedBefore,
			@Param("idleBefore") Instant idleBefore, @Param("limit") int limit);

	/**
	 * Delete sessions by id, soft-deleted ones included. Rows referring to them must be gone first.
	 * @param ids the sessions
	 * @return how many were deleted
	 */
	@Transactional
	@Modifying
	@Query(value = "delete from myuser_user_session where id in (:ids)", nativeQuery = true)
	int deleteAllByIdIncludingDeleted(@Param("ids") List<UUID> ids);

	/**
	 * One page of a user's sessions, ended ones included, in order of creation after a given one (keyset paging;
	 * {@code createdAt >= afterTime}, implied by the rest, lets the index scan start at the previous page's end).
	 * @param userId the user
	 * @param afterTime the creation time of the last session of the previous page
	 * @param afterId the id of the last session of the previous page
	 * @param limit the page size
	 * @return the sessions
	 */
	@Query("select s from UserSession s where s.userId = :userId and s.createdAt >= :afterTime "
			+ "and (s.createdAt > :afterTime or s.id > :afterId) order by s.createdAt, s.id")
	List<UserSession> findPageByUserId(@Param("userId") UUID userId, @Param("afterTime") Instant afterTime,
			@Param("afterId") UUID afterId, org.springframework.data.domain.Limit limit);

}
