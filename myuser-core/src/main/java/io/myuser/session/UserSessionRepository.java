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
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored sessions.
 */
public interface UserSessionRepository extends JpaRepository<UserSession, UUID> {

	@Query("select s from UserSession s where s.userId = :userId and s.revokedAt is null and s.expiresAt > :now "
			+ "and s.lastActivity > :idleSince order by s.createdAt desc")
	List<UserSession> findLiveByUserId(@Param("userId") UUID userId, @Param("now") Instant now,
			@Param("idleSince") Instant idleSince);

	/**
	 * Count the live sessions of every user: not revoked, within their lifetime and not idle.
	 * @param now the time
	 * @param idleSince now minus the idle timeout
	 * @return the count
	 */
	default long countLive(Instant now, Instant idleSince) {
		return countByRevokedAtIsNullAndExpiresAtAfterAndLastActivityAfter(now, idleSince);
	}

	/**
	 * The query of {@link #countLive}, derived from its name rather than written as a {@code @Query}: the active
	 * sessions gauge runs it as the application starts, and a derived query needs no parse of a query string by
	 * Spring Data.
	 * @param now the current time
	 * @param idleSince sessions idle since before this are not live
	 * @return the count
	 */
	long countByRevokedAtIsNullAndExpiresAtAfterAndLastActivityAfter(Instant now, Instant idleSince);

	/**
	 * Ids of a user's sessions that are not revoked and may still have access tokens that have not expired: any
	 * session with activity after {@code activeSince} (the latest token of a session is issued at its last
	 * activity at the latest), whether or not it has gone idle or reached its absolute end since.
	 * @param userId the user
	 * @param activeSince now minus the longest life of an access token (with the clock skew allowed)
	 * @return the ids
	 */
	@Query("select s.id from UserSession s where s.userId = :userId and s.revokedAt is null "
			+ "and s.lastActivity > :activeSince order by s.id")
	List<UUID> findRevocableIds(@Param("userId") UUID userId, @Param("activeSince") Instant activeSince);

	Optional<UserSession> findByIdAndUserId(UUID id, UUID userId);

	/**
	 * Return whether a session of the user, live or ended, started from an address since a time.
	 * @param userId the user
	 * @param ipAddress the address, exactly as sessions store it
	 * @param since the earliest start
	 * @return whether there is one
	 */
	boolean existsByUserIdAndIpAddressAndCreatedAtGreaterThanEqual(UUID userId, String ipAddress, Instant since);

	/**
	 * Return the client IPs the user's sessions started from since a time, live or ended (ended sessions are kept
	 * for the retention period).
	 * @param userId the user
	 * @param since the earliest start
	 * @param page at most how many, newest first
	 * @return the IPs
	 */
	@Query("select s.ipAddress from UserSession s where s.userId = :userId and s.ipAddress is not null "
			+ "and s.createdAt >= :since order by s.createdAt desc")
	List<String> findIpAddressesSince(@Param("userId") UUID userId, @Param("since") Instant since,
			org.springframework.data.domain.Pageable page);

	List<UserSession> findByUserIdOrderByCreatedAtDesc(UUID userId);

	/**
	 * Lock a session row until the transaction ends and return its version.
	 * @param id the session
	 * @return the version of the locked row, or empty when there is no such live row
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s.version from UserSession s where s.id = :id")
	Optional<Long> lockVersion(@Param("id") UUID id);

	/**
	 * Lock a session row until the transaction ends and read it, with its version as the row holds it now, in one
	 * statement.
	 * @param id the session
	 * @return the session and the row's version, or nothing when there is no such live row
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s, s.version from UserSession s where s.id = :id")
	List<Object[]> lockAndRead(@Param("id") UUID id);

	/**
	 * Lock a session row until the transaction ends and return the session as the row holds it now; an instance
	 * read earlier by this persistence context that no longer matches the row fails the transaction (retried).
	 * One statement: the row's version comes with the locking read, and is compared with the instance's.
	 * @param id the session
	 * @return the session, or empty when there is none
	 */
	default Optional<UserSession> findForUpdate(UUID id) {
		List<Object[]> rows = lockAndRead(id);
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		UserSession session = (UserSession) rows.get(0)[0];
		long version = ((Number) rows.get(0)[1]).longValue();
		if (session.getVersion() != version) {
			throw new ObjectOptimisticLockingFailureException(UserSession.class, id);
		}
		return Optional.of(session);
	}

	/**
	 * Revoke a session unless it is revoked already: one statement, so of several revocations at the same moment
	 * exactly one wins and writes the revocation record.
	 * @param id the session
	 * @param now the time
	 * @param reason why
	 * @return 1 when this call revoked it, else 0
	 */
	@Transactional
	@Modifying(flushAutomatically = true)
	@Query("update UserSession s set s.revokedAt = :now, s.revokeReason = :reason, s.updatedAt = :now, "
			+ "s.version = s.version + 1 where s.id = :id and s.revokedAt is null")
	int revokeIfUnrevoked(@Param("id") UUID id, @Param("now") Instant now, @Param("reason") String reason);

	/**
	 * Forget where a user's sessions came from (their account is being erased): the client addresses and user
	 * agents of all of them, ended ones included.
	 * @param userId the user
	 * @return how many sessions changed
	 */
	@Transactional
	@Modifying(flushAutomatically = true)
	@Query("update UserSession s set s.ipAddress = null, s.userAgent = '', s.version = s.version + 1 "
			+ "where s.userId = :userId")
	int eraseClientData(@Param("userId") UUID userId);

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
	@Query("update UserSession s set s.lastActivity = :now, s.version = s.version + 1 where s.id = :id "
			+ "and s.lastActivity < :threshold and s.lastActivity > :idleSince and s.revokedAt is null")
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
