package io.myuser.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Stored audit rows.
 */
public interface AuditLogRepository extends JpaRepository<AuditLog, UUID> {

	List<AuditLog> findByUserIdOrderByCreatedAtDesc(UUID userId);

	List<AuditLog> findByEventTypeOrderByCreatedAtDesc(AuditEventType eventType);

	long countByUserIdAndEventType(UUID userId, AuditEventType eventType);

	/**
	 * One page of a user's rows in time order, after a given row (keyset paging: each page costs the same however
	 * deep into the history it is). The condition {@code createdAt >= afterTime}, implied by the rest, is what lets
	 * the database start its index scan at the previous page's end: PostgreSQL does not derive an index range from
	 * the {@code or}, and without it every page re-read the rows of all the pages before it.
	 * @param userId the user
	 * @param afterTime the creation time of the last row of the previous page
	 * @param afterId the id of the last row of the previous page
	 * @param limit the page size
	 * @return the rows
	 */
	@Query("select a from AuditLog a where a.userId = :userId and a.createdAt >= :afterTime "
			+ "and (a.createdAt > :afterTime or a.id > :afterId) order by a.createdAt, a.id")
	List<AuditLog> findPageByUserId(@Param("userId") UUID userId, @Param("afterTime") Instant afterTime,
			@Param("afterId") UUID afterId, Limit limit);

	/**
	 * One page of a user's rows, newest first, of some event types within a time range, older than a given row
	 * (keyset paging, like {@link #findPageByUserId}; {@code createdAt <= beforeTime}, implied by the rest, gives
	 * the index on {@code (user_id, created_at)} its range).
	 * @param userId the user
	 * @param types the event types to include
	 * @param from the earliest creation time included
	 * @param to the creation time from which rows are excluded
	 * @param beforeTime the creation time of the last row of the previous page (or {@code to})
	 * @param beforeId the id of the last row of the previous page
	 * @param limit the page size
	 * @return the rows
	 */
	@Query("select a from AuditLog a where a.userId = :userId and a.eventType in :types "
			+ "and a.createdAt >= :from and a.createdAt < :to and a.createdAt <= :beforeTime "
			+ "and (a.createdAt < :beforeTime or a.id < :beforeId) order by a.createdAt desc, a.id desc")
	List<AuditLog> findNewestFirst(@Param("userId") UUID userId, @Param("types") Collection<AuditEventType> types,
			@Param("from") Instant from, @Param("to") Instant to, @Param("beforeTime") Instant beforeTime,
			@Param("beforeId") UUID beforeId, Limit limit);

	/**
	 * Delete at most {@code batch} rows, of any account or none, created before a time (past the retention
	 * period). Small batches keep each transaction's locks short on a big table. Rows another transaction has
	 * locked (an erasure pseudonymising them) are skipped, not waited for: the clean-up never waits for a writer,
	 * so it can be in no deadlock with one, and a skipped row goes in a later batch or run.
	 * @param before the creation time from which rows are kept
	 * @param batch the most rows to delete
	 * @return how many were deleted
	 */
	@Modifying
	@Query(value = "delete from myuser_audit_log where id in (select id from myuser_audit_log where created_at < "
			+ ":before order by created_at limit :batch for update skip locked)", nativeQuery = true)
	int deleteCreatedBefore(@Param("before") Instant before, @Param("batch") int batch);

	/**
	 * Pseudonymise the rows of a user whose account is erased: the rows stay, under the user's id, without the
	 * client address, the user agent or the details.
	 * @param userId the user
	 * @return how many rows changed
	 */
	@Modifying
	@Query("update AuditLog a set a.ipAddress = null, a.userAgent = '', a.details = '{}', a.version = a.version + 1 "
			+ "where a.userId = :userId")
	int pseudonymiseByUserId(@Param("userId") UUID userId);

	/**
	 * Pseudonymise the rows of no known user whose details name an address, such as failed logins with an address
	 * that was not registered at the time.
	 * @param quotedLowerCaseEmail the address in lower case, between double quotes, with LIKE's wildcards
	 * ({@code %}, {@code _}) and the escape character {@code !} escaped by {@code !}
	 * @return how many rows changed
	 */
	@Modifying
	@Query("update AuditLog a set a.ipAddress = null, a.userAgent = '', a.details = '{}', a.version = a.version + 1 "
			+ "where a.userId is null "
			+ "and lower(a.details) like concat('%', :quotedLowerCaseEmail, '%') escape '!'")
	int pseudonymiseAnonymousRowsNaming(@Param("quotedLowerCaseEmail") String quotedLowerCaseEmail);

	/**
	 * Lock the row of a live account until the transaction ends (an audit row is written under it, so that it
	 * never lands between an erasure's pseudonymisation and its commit). The lock is the one
	 * {@code UserRepository.lockLive} takes ({@code for no key update} on PostgreSQL, so inserts referring to the
	 * account are not held up by it).
	 * @param userId the account
	 * @return the account's id, or empty when there is no live account of that id (erased or soft-deleted)
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u.id from User u where u.id = :userId")
	java.util.Optional<UUID> lockLiveAccount(@Param("userId") UUID userId);

}
