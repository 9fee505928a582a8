package io.myuser.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Stored one-time token hashes.
 */
public interface EmailLinkTokenRepository extends JpaRepository<EmailLinkToken, UUID> {

	Optional<EmailLinkToken> findByTokenHash(String tokenHash);

	/**
	 * Use a token: succeeds for exactly one caller, however many present it at once.
	 */
	@Modifying
	@Query("update EmailLinkToken t set t.usedAt = :now, t.version = t.version + 1 where t.tokenHash = :hash and t.purpose = :purpose "
			+ "and t.usedAt is null and t.expiresAt > :now")
	int markUsed(@Param("hash") String hash, @Param("purpose") EmailLinkTokenPurpose purpose, @Param("now") Instant now);

	@Modifying
	@Query("update EmailLinkToken t set t.usedAt = :now, t.version = t.version + 1 where t.userId = :userId and t.purpose = :purpose "
			+ "and t.usedAt is null")
	int retireAll(@Param("userId") UUID userId, @Param("purpose") EmailLinkTokenPurpose purpose,
			@Param("now") Instant now);

	/**
	 * Delete every one-time token of a user, used or not (their account is being erased).
	 * @param userId the user
	 * @return how many were deleted
	 */
	@Modifying
	@Query(value = "delete from myuser_one_time_token where user_id = :userId", nativeQuery = true)
	int deleteAllByUserIdIncludingDeleted(@Param("userId") UUID userId);

}
