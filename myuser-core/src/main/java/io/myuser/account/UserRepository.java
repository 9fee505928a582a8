package io.myuser.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * Stored user accounts. Derived queries see live accounts only; the {@code ...IncludingDeleted} methods also
 * reach soft-deleted ones.
 * <p>
 * The account row is the first lock of every transaction that changes an account or adds to its data
 * ({@link #lockLive(UUID)}); see {@code docs/concurrency.md}.
 */
public interface UserRepository extends JpaRepository<User, UUID> {

	Optional<User> findByEmailCanonical(String emailCanonical);

	/**
	 * Find who holds the account of an address, as a projection that loads no entity.
	 * @param emailCanonical the canonical address
	 * @return the holder, if an account has the address
	 */
	@Query("select new io.myuser.account.AccountHolder(u.id, u.email, u.firstName, u.emailVerified, u.active) "
			+ "from User u where u.emailCanonical = :emailCanonical")
	Optional<AccountHolder> findHolderByEmailCanonical(@Param("emailCanonical") String emailCanonical);

	boolean existsByEmailCanonical(String emailCanonical);

	/**
	 * Tell whether a live account is active staff, as its row says now.
	 * @param id the account
	 * @return whether it is live, active and staff
	 */
	boolean existsByIdAndStaffTrueAndActiveTrue(UUID id);

	/**
	 * Read a live account as an administrator sees it.
	 * @param id the account
	 * @return the account, if it is live
	 */
	@Query("select new io.myuser.account.AccountSummary(u.id, u.email, u.firstName, u.lastName, u.emailVerified, "
			+ "u.active, u.staff, case when u.passwordHash is null then false else true end, u.dateJoined, "
			+ "u.lastLogin) from User u where u.id = :id")
	Optional<AccountSummary> findSummaryById(@Param("id") UUID id);

	/**
	 * Find live accounts whose canonical address matches a {@code like} pattern, in address order.
	 * @param pattern the pattern, with {@code \} as its escape character
	 * @param pageable the page
	 * @return the page
	 */
	@Query(value = "select new io.myuser.account.AccountSummary(u.id, u.email, u.firstName, u.lastName, "
			+ "u.emailVerified, u.active, u.staff, case when u.passwordHash is null then false else true end, "
			+ "u.dateJoined, u.lastLogin) from User u where u.emailCanonical like :pattern escape '\\' "
			+ "order by u.emailCanonical, u.id",
			countQuery = "select count(u) from User u where u.emailCanonical like :pattern escape '\\'")
	Page<AccountSummary> findSummariesByEmailCanonicalLike(@Param("pattern") String pattern, Pageable pageable);

	@Query(value = "select * from myuser_user where id = :id", nativeQuery = true)
	Optional<User> findByIdIncludingDeleted(@Param("id") UUID id);

	@Query(value = "select count(*) from myuser_user where lower(email) = :emailCanonical", nativeQuery = true)
	long countByEmailIncludingDeleted(@Param("emailCanonical") String emailCanonical);

	/**
	 * Lock the row of a live account until the transaction ends and return its version. A transaction that waited
	 * for the lock sees the row as the other transaction left it: an account erased meanwhile is not found.
	 * @param id the account
	 * @return the version of the locked row, or empty when there is no live account of that id
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u.version from User u where u.id = :id")
	Optional<Long> lockLiveVersion(@Param("id") UUID id);

	/**
	 * Lock the row of a live account until the transaction ends and return the account as the row holds it now.
	 * An instance this persistence context read before (one bound to the request, say) and that no longer matches
	 * the row fails the transaction with an optimistic locking failure, which the retrying callers answer by
	 * running again from a cleared persistence context.
	 * @param id the account
	 * @return the locked account, or empty when there is no live account of that id
	 */
	default Optional<User> lockLive(UUID id) {
		Optional<Long> version = lockLiveVersion(id);
		if (version.isEmpty()) {
			return Optional.empty();
		}
		Optional<User> user = findById(id);
		if (user.isPresent() && user.get().getVersion() != version.get()) {
			throw new ObjectOptimisticLockingFailureException(User.class, id);
		}
		return user;
	}

	/**
	 * Note that a verification email is asked for on behalf of an unverified, active account, unless one was asked
	 * for since a time: one statement, so that of logins at the same moment exactly one wins.
	 * @param id the account (an id of no account changes nothing, at the same cost)
	 * @param now the time
	 * @param since the earliest time of an earlier request that suppresses this one
	 * @return 1 when the email should be sent, else 0
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update User u set u.verificationRequestedAt = :now, u.version = u.version + 1 where u.id = :id "
			+ "and u.emailVerified = false and u.active = true "
			+ "and (u.verificationRequestedAt is null or u.verificationRequestedAt < :since)")
	int claimVerificationEmail(@Param("id") UUID id, @Param("now") Instant now, @Param("since") Instant since);

}
